using Azure;
using Ingestion.Core.Articles;

namespace Ingestion.Core.Storage;

public enum ArticleStatus
{
    /// <summary>The blob trigger saw the blob and queued it for parsing.</summary>
    Received,

    /// <summary>A parser holds the article's lease.</summary>
    Processing,

    Processed,

    /// <summary>The article could not be parsed; <see cref="ArticleRecord.Error"/> says why.</summary>
    Failed,

    /// <summary>The blob was deleted and everything the article contributed was removed; a re-upload starts afresh.</summary>
    Deleted,
}

/// <summary>One blob's row in the Articles table: what happened to it. Its events are listed under its EventIndex partition.</summary>
public sealed record ArticleRecord(
    string Name,
    ArticleStatus Status,
    string? BlobETag,
    string? ProcessedBlobETag,
    string? ContentHash,
    string? ExtractorVersion,
    string? Published,
    PublicationDateSource? PublishedSource,
    string? Title,
    int EventCount,
    string? Error,
    int Attempts,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ProcessedAt)
{
    /// <summary>Until when the parser that set <see cref="ArticleStatus.Processing"/> holds the article.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The row's ETag when it was read, for writes that must not overwrite a change made since.</summary>
    public ETag RowETag { get; init; }
}
