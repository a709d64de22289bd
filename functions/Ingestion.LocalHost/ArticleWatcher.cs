using Azure;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingestion.LocalHost;

/// <summary>
/// The local host's blob trigger: lists the container every <see cref="LocalHostOptions.PollInterval"/> and hands
/// each new or changed blob to the intake, the step the Functions app's Event Grid blob trigger runs in Azure.
/// </summary>
/// <remarks>
/// The WebJobs SDK's polling blob trigger was tried first: against Azurite it found the blobs present at its first
/// sweep but none created afterwards, and it sweeps only every 10 seconds. The intake is idempotent (it skips a
/// version already parsed), so re-listing after a restart costs a lookup per blob and nothing more.
/// </remarks>
public sealed partial class ArticleWatcher(StorageClients storage, ArticleIntake intake, IOptions<LocalHostOptions> options, ILogger<ArticleWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ETag> _received = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                // Storage unavailable for a moment: the next tick lists again and nothing is lost.
                ScanFailed(logger, ex.Status, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep of the container; blobs whose intake fails stay unmarked and are tried again next sweep.</summary>
    internal async Task ScanAsync(CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Articles.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            present.Add(blob.Name);
            var eTag = blob.Properties.ETag ?? default;
            if (_received.TryGetValue(blob.Name, out var seen) && seen == eTag)
            {
                continue;
            }

            try
            {
                await intake.ReceiveAsync(blob.Name, cancellationToken);
                _received[blob.Name] = eTag;
            }
            catch (RequestFailedException ex)
            {
                IntakeFailed(logger, blob.Name, ex.Status, ex.Message);
            }
        }

        foreach (var gone in _received.Keys.Where(name => !present.Contains(name)).ToList())
        {
            _received.Remove(gone);
        }
    }

    [LoggerMessage(2101, LogLevel.Warning, "Listing the articles container failed ({Status}): {Reason}; retrying on the next poll")]
    private static partial void ScanFailed(ILogger logger, int status, string reason);

    [LoggerMessage(2102, LogLevel.Warning, "Receiving {BlobName} failed ({Status}): {Reason}; retrying on the next poll")]
    private static partial void IntakeFailed(ILogger logger, string blobName, int status, string reason);
}
