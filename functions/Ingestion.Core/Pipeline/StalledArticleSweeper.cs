using Ingestion.Core.Diagnostics;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Pipeline;

/// <summary>
/// Offers again the articles the pipeline lost track of, so none waits forever: a row still received long after
/// its request should have been parsed (the message was lost), or still processing long after its lease ran out
/// (the parser died after a duplicate delivery of its request had been dropped as a duplicate), or whose blob is gone
/// (a deletion that failed and was not retried): that one is deleted.
/// </summary>
public sealed class StalledArticleSweeper(ArticleRepository articles, ArticleIntake intake, ArticleDeletion deletion, PipelineHealth health, TimeProvider time, IOptions<IngestionOptions> options, ILogger<StalledArticleSweeper> logger)
{
    /// <returns>How many articles were offered again.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var offered = 0;
        await foreach (var name in articles.ListStalledAsync(time.GetUtcNow() - options.Value.StalledAfter, cancellationToken))
        {
            PipelineLog.Stalled(logger, name);
            if (await deletion.DeleteAsync(name, cancellationToken) == ArticleDeletionOutcome.BlobExists)
            {
                await intake.ReceiveAsync(name, cancellationToken);
            }

            offered++;
        }

        // Health reports this count without scanning the Articles table itself.
        await health.RecordSweepAsync(offered, cancellationToken);
        return offered;
    }
}
