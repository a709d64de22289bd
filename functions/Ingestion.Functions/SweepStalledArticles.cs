using Ingestion.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>
/// Every five minutes, offers again the articles that stalled between the stages (see <see cref="StalledArticleSweeper"/>).
/// Event Grid and the queue retry on their own; this catches what falls between them, so no article waits forever.
/// </summary>
public sealed class SweepStalledArticles(StalledArticleSweeper sweeper)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(SweepStalledArticles))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
