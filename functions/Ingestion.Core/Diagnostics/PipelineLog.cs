using Microsoft.Extensions.Logging;

namespace Ingestion.Core.Diagnostics;

/// <summary>The pipeline's log lines. Never logs article text: only names, counts and reasons.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1001, LogLevel.Information, "Received {BlobName} (ETag {ETag}); queued for parsing")]
    public static partial void Received(ILogger logger, string blobName, string eTag);

    [LoggerMessage(1002, LogLevel.Warning, "Blob {BlobName} disappeared before it could be received")]
    public static partial void ReceivedBlobMissing(ILogger logger, string blobName);

    [LoggerMessage(1003, LogLevel.Information, "Article {BlobName}: {Status}, {EventCount} events written in {ElapsedMs} ms")]
    public static partial void Processed(ILogger logger, string blobName, string status, int eventCount, long elapsedMs);

    [LoggerMessage(1004, LogLevel.Warning, "Article {BlobName}: failed, {Reason} ({ElapsedMs} ms)")]
    public static partial void Failed(ILogger logger, string blobName, string reason, long elapsedMs);

    [LoggerMessage(1005, LogLevel.Information, "Article {BlobName}: version {ETag} already processed; duplicate request ignored")]
    public static partial void Duplicate(ILogger logger, string blobName, string eTag);

    [LoggerMessage(1006, LogLevel.Information, "Article {BlobName}: version {ETag} was replaced or deleted before parsing; the newer version has its own request")]
    public static partial void Stale(ILogger logger, string blobName, string eTag);

    [LoggerMessage(1007, LogLevel.Warning, "Article {BlobName}: another parser holds it; will retry (attempt {Attempt})")]
    public static partial void Busy(ILogger logger, string blobName, long attempt);

    [LoggerMessage(1008, LogLevel.Error, "Article {BlobName}: attempt {Attempt} of {MaxAttempts} failed")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string blobName, long attempt, int maxAttempts);

    [LoggerMessage(1009, LogLevel.Warning, "Article {BlobName} stalled (received or leased long ago, not done); offering it again")]
    public static partial void Stalled(ILogger logger, string blobName);

    [LoggerMessage(1010, LogLevel.Debug, "Article {BlobName}: version {ETag} is being parsed; offer ignored")]
    public static partial void BeingParsed(ILogger logger, string blobName, string eTag);

    // Debug: the local watcher offers every blob again every 30 s, which would otherwise log a line per article each time.
    [LoggerMessage(1011, LogLevel.Debug, "Article {BlobName}: version {ETag} already processed; offer ignored")]
    public static partial void AlreadyProcessedOffer(ILogger logger, string blobName, string eTag);

    [LoggerMessage(1012, LogLevel.Information, "Article {BlobName}: deleted; its {EventCount} events and {RowsRemoved} rows in all removed in {ElapsedMs} ms")]
    public static partial void Deleted(ILogger logger, string blobName, int eventCount, int rowsRemoved, long elapsedMs);

    [LoggerMessage(1013, LogLevel.Information, "Article {BlobName}: the deleted blob is there again; its new version replaces the old events")]
    public static partial void DeletedBlobExists(ILogger logger, string blobName);

    [LoggerMessage(1014, LogLevel.Warning, "Article {BlobName}: deleted while a parser holds it; the deletion is retried")]
    public static partial void DeletionBusy(ILogger logger, string blobName);

    [LoggerMessage(1015, LogLevel.Warning, "A message on the deleted-blobs queue is not a BlobDeleted event of container {Container}; dropped")]
    public static partial void NotABlobDeletedEvent(ILogger logger, string container);
}
