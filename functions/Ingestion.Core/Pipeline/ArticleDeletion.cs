using Ingestion.Core.Diagnostics;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Pipeline;

/// <summary>
/// Behind the blob-deleted notification (Event Grid in Azure, the container watcher locally): removes everything a
/// deleted article contributed and records it as <see cref="ArticleStatus.Deleted"/>. See the README beside this file.
/// </summary>
public sealed class ArticleDeletion(
    StorageClients storage,
    ArticleRepository articles,
    ArticleContributions contributions,
    ArticleIntake intake,
    TimeProvider time,
    IOptions<IngestionOptions> options,
    ILogger<ArticleDeletion> logger)
{
    /// <summary>Deletes the article an Event Grid BlobDeleted event names; any other message is logged and dropped, as no retry can change it.</summary>
    /// <exception cref="ArticleBusyException">A parser holds the article; the message must be retried.</exception>
    public async Task DeleteNotifiedAsync(string message, CancellationToken cancellationToken)
    {
        if (BlobDeletedEvent.BlobName(message, options.Value.ContainerName) is { } blobName)
        {
            await DeleteAsync(blobName, cancellationToken);
        }
        else
        {
            PipelineLog.NotABlobDeletedEvent(logger, options.Value.ContainerName);
        }
    }

    /// <exception cref="ArticleBusyException">A parser holds the article; the notification must be retried.</exception>
    public async Task<ArticleDeletionOutcome> DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = storage.Articles.GetBlobClient(blobName);
        if (await blob.ExistsAsync(cancellationToken))
        {
            // Uploaded again since the notification was sent: the new version replaces the old rows when parsed.
            PipelineLog.DeletedBlobExists(logger, blobName);
            return ArticleDeletionOutcome.BlobExists;
        }

        var claim = await articles.ClaimDeletionAsync(blobName, ArticleProcessor.LeaseDuration, cancellationToken);
        switch (claim.Outcome)
        {
            case ArticleClaimOutcome.AlreadyDone:
                return ArticleDeletionOutcome.AlreadyDeleted;
            case ArticleClaimOutcome.Busy:
                // A parser holds the article: once it is done (or its lease runs out) the retry removes what it wrote.
                PipelineLog.DeletionBusy(logger, blobName);
                throw new ArticleBusyException(blobName);
        }

        var started = time.GetTimestamp();
        int removed;
        try
        {
            var lease = new LeaseKeeper(articles, claim, blobName, time);
            removed = await contributions.RemoveAsync(TableKeys.ArticleKey(blobName), lease.KeepAsync, cancellationToken);
            await articles.CompleteDeletionAsync(claim, blobName, cancellationToken);
        }
        catch
        {
            await articles.ReleaseDeletionAsync(claim, blobName, CancellationToken.None);
            throw;
        }

        PipelineLog.Deleted(logger, blobName, claim.Previous?.EventCount ?? 0, removed, (long)time.GetElapsedTime(started).TotalMilliseconds);
        if (await blob.ExistsAsync(cancellationToken))
        {
            // Uploaded again while the old rows were removed: its parse request may have been refused meanwhile.
            await intake.ReceiveAsync(blobName, cancellationToken);
        }

        return ArticleDeletionOutcome.Deleted;
    }
}

public enum ArticleDeletionOutcome
{
    /// <summary>Its rows were removed and the article recorded as deleted.</summary>
    Deleted,

    /// <summary>Nothing to do: no such article, or it was deleted before.</summary>
    AlreadyDeleted,

    /// <summary>The blob is there (uploaded again): nothing was removed.</summary>
    BlobExists,
}
