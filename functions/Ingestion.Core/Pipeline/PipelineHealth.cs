using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Pipeline;

/// <summary>What <c>GET /api/health</c> and the CLI's status report. Null figures were not read (storage did not answer).</summary>
/// <param name="StalledArticles">Articles the sweeper found stalled at its last run (<see cref="StalledArticleSweeper"/>); null when no sweep has run.</param>
public sealed record HealthReport(
    bool Healthy,
    bool StorageAnswers,
    int? ParseQueueLength,
    double? OldestMessageAgeSeconds,
    int? PoisonQueueLength,
    int? StalledArticles,
    DateTimeOffset? StalledCheckedAt,
    IReadOnlyList<string> Problems);

/// <summary>
/// Whether the pipeline is working, from a handful of point reads: no table is scanned (Azurite scans a whole table
/// for every query, and health is asked often). The stalled count is therefore the sweeper's last, which it leaves on
/// the parse queue's metadata, read in the same call as the queue's length.
/// </summary>
public sealed class PipelineHealth(StorageClients storage, TimeProvider time, IOptions<IngestionOptions> options)
{
    internal const string StalledMetadata = "stalled";
    internal const string SweptAtMetadata = "sweptat";

    /// <summary>A health check answers quickly even when storage does not: the SDK's retries would take minutes.</summary>
    internal static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            var queue = (await storage.ParseQueue.GetPropertiesAsync(timeout.Token)).Value;
            var oldest = (await storage.ParseQueue.PeekMessageAsync(timeout.Token)).Value;
            var poison = await LengthAsync(storage.QueueService.GetQueueClient(PoisonQueueName(options.Value)), timeout.Token);
            await storage.ArticlesTable.GetEntityIfExistsAsync<TableEntity>("health", "probe", ["PartitionKey"], timeout.Token);
            await storage.Articles.GetPropertiesAsync(cancellationToken: timeout.Token);

            var age = oldest?.InsertedOn is { } inserted ? time.GetUtcNow() - inserted : TimeSpan.Zero;
            int? stalled = queue.Metadata.TryGetValue(StalledMetadata, out var count) && int.TryParse(count, out var parsed) ? parsed : null;
            DateTimeOffset? sweptAt = queue.Metadata.TryGetValue(SweptAtMetadata, out var at) && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var parsedAt) ? parsedAt : null;
            var problems = new List<string>();
            if (age > options.Value.StalledAfter)
            {
                problems.Add($"The oldest parse request has waited {age:d\\.hh\\:mm\\:ss}, longer than {IngestionSettingNames.Section}:{nameof(IngestionOptions.StalledAfter)} ({options.Value.StalledAfter}): the parser is not keeping up or not running.");
            }

            if (poison > 0)
            {
                problems.Add($"{poison} parse requests are in the poison queue {PoisonQueueName(options.Value)}: their articles are recorded as failed; clear the queue once they are looked at.");
            }

            if (stalled > 0)
            {
                problems.Add($"{stalled} articles were stalled at the last sweep ({sweptAt:yyyy-MM-dd HH:mm:ss} UTC) and were offered again.");
            }

            return new HealthReport(problems.Count == 0, true, queue.ApproximateMessagesCount, age.TotalSeconds, poison, stalled, sweptAt, problems);
        }
        catch (Exception ex) when (ex is RequestFailedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = ex is RequestFailedException failed ? $"{failed.Status} {failed.ErrorCode ?? failed.Message.Split('\n')[0]}" : $"no answer within {StorageTimeout.TotalSeconds:0} s";
            return new HealthReport(false, false, null, null, null, null, null, [$"Storage does not answer: {why}."]);
        }
    }

    /// <summary>Leaves the sweeper's count where <see cref="CheckAsync"/> reads it.</summary>
    internal Task RecordSweepAsync(int stalled, CancellationToken cancellationToken) =>
        storage.ParseQueue.SetMetadataAsync(
            new Dictionary<string, string>
            {
                [StalledMetadata] = stalled.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SweptAtMetadata] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            cancellationToken);

    /// <summary>The queue the queue trigger moves a message to after its last attempt.</summary>
    public static string PoisonQueueName(IngestionOptions options) => $"{options.ParseQueueName}-poison";

    /// <summary>A queue's length; a queue not created yet (the poison queue before its first message) is empty.</summary>
    private static async Task<int> LengthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
