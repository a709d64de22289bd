using Azure;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingestion.LocalHost;

/// <summary>
/// The local host's blob trigger: lists the container every <see cref="LocalHostOptions.PollInterval"/> and hands
/// each new or changed blob to the intake, and each blob gone from it to the deletion: the steps the Functions app's
/// Event Grid subscriptions (BlobCreated, BlobDeleted) run in Azure.
/// </summary>
/// <remarks>
/// The WebJobs SDK's polling blob trigger was tried first: against Azurite it found the blobs present at its first
/// sweep but none created afterwards, and it sweeps only every 10 seconds. The intake is idempotent (it skips a
/// version already parsed), so re-listing after a restart costs a lookup per blob and nothing more.
/// </remarks>
public sealed partial class ArticleWatcher(
    StorageClients storage, ArticleIntake intake, ArticleDeletion deletion, ArticleRepository articles, IOptions<LocalHostOptions> options, ILogger<ArticleWatcher> logger)
    : BackgroundService
{
    private const int ArticlesPage = 1000;

    private readonly Dictionary<string, ETag> _received = new(StringComparer.Ordinal);

    // The first sweep is a full one: it also finds the blobs deleted while the host was not running.
    private int _offerAllAgain = 1;
    private long _lastFullOffer = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>
    /// Has the next sweep hand every blob to the intake again: the parse trigger calls this when storage failed under
    /// it, since the queue may then keep the parse request invisible for minutes, and the SDK's retries can hide a
    /// short outage from the watcher's own calls.
    /// </summary>
    public void OfferAllAgain() => Interlocked.Exchange(ref _offerAllAgain, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (StorageFailure.IsStorageFailure(ex))
            {
                // Storage unavailable: parse requests may have been lost with it (a parser's message or row write that
                // never landed), so the first sweep after it hands every blob to the intake again. The intake skips
                // versions already parsed and re-queues the rest.
                Interlocked.Exchange(ref _offerAllAgain, 1);
                ScanFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep of the container; blobs whose intake fails stay unmarked and are tried again next sweep.</summary>
    internal async Task ScanAsync(CancellationToken cancellationToken)
    {
        // Now and then every blob goes through the intake again, whatever happened: a request lost with a crashed
        // parser or an emulator restart (a row or message write that never reached disk) is re-queued without anyone
        // having to notice the loss. The intake skips versions already parsed, so a sweep costs a lookup per blob.
        var full = Interlocked.Exchange(ref _offerAllAgain, 0) == 1
            || System.Diagnostics.Stopwatch.GetElapsedTime(_lastFullOffer) > options.Value.FullOfferInterval;
        if (full)
        {
            _lastFullOffer = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        await foreach (var blob in storage.Articles.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            present.Add(blob.Name);
            var eTag = blob.Properties.ETag ?? default;
            if (!full && _received.TryGetValue(blob.Name, out var seen) && seen == eTag)
            {
                continue;
            }

            try
            {
                await intake.ReceiveAsync(blob.Name, cancellationToken);
                _received[blob.Name] = eTag;
            }
            catch (Exception ex) when (StorageFailure.IsStorageFailure(ex))
            {
                IntakeFailed(logger, blob.Name, ex.Message);
                failed = true;
            }
        }

        // A blob seen before and missing now was deleted; a full sweep also looks for articles whose blob went while
        // no one watched. Names whose deletion fails stay, so the next sweep tries again.
        var gone = _received.Keys.Where(name => !present.Contains(name)).ToHashSet(StringComparer.Ordinal);
        if (full)
        {
            await foreach (var name in ArticlesNotDeletedAsync(cancellationToken))
            {
                if (!present.Contains(name))
                {
                    gone.Add(name);
                }
            }
        }

        foreach (var name in gone)
        {
            try
            {
                await deletion.DeleteAsync(name, cancellationToken);
                _received.Remove(name);
            }
            catch (Exception ex) when (ex is ArticleBusyException || StorageFailure.IsStorageFailure(ex))
            {
                _received[name] = default;
                DeletionFailed(logger, name, ex.Message);
            }
        }

        if (failed)
        {
            Interlocked.Exchange(ref _offerAllAgain, 1);
        }
    }

    private async IAsyncEnumerable<string> ArticlesNotDeletedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            (var page, token) = await articles.ListAsync(status: null, ArticlesPage, token, cancellationToken);
            foreach (var article in page.Where(article => article.Status != ArticleStatus.Deleted))
            {
                yield return article.Name;
            }
        }
        while (token is not null);
    }

    [LoggerMessage(2101, LogLevel.Warning, "Listing the articles container failed: {Reason}; every blob is offered to the intake again once storage answers")]
    private static partial void ScanFailed(ILogger logger, string reason);

    [LoggerMessage(2102, LogLevel.Warning, "Receiving {BlobName} failed: {Reason}; every blob is offered to the intake again on the next poll")]
    private static partial void IntakeFailed(ILogger logger, string blobName, string reason);

    [LoggerMessage(2103, LogLevel.Warning, "Removing the deleted article {BlobName} failed: {Reason}; tried again on the next poll")]
    private static partial void DeletionFailed(ILogger logger, string blobName, string reason);
}
