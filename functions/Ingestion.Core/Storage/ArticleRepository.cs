using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Articles;

namespace Ingestion.Core.Storage;

/// <summary>The Articles table: one row per blob, also used as a short lease so one parser at a time works on a blob.</summary>
public sealed class ArticleRepository(StorageClients storage, TimeProvider time)
{
    private TableClient Table => storage.ArticlesTable;

    public async Task<ArticleRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>
    /// Marks a blob version as received, provided the row is still as <paramref name="seen"/> (null: there was none);
    /// merges, so what the row knows of the last parse (attempts, outcome) survives.
    /// </summary>
    /// <returns>False when the row changed since it was read, say a parser claimed the article: the caller decides again.</returns>
    public async Task<bool> TryRecordReceivedAsync(string name, string blobETag, ArticleRecord? seen, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey)
        {
            ["Name"] = name,
            ["Status"] = nameof(ArticleStatus.Received),
            ["BlobETag"] = blobETag,
            ["ReceivedAt"] = time.GetUtcNow(),
        };
        try
        {
            _ = seen is null
                ? await Table.AddEntityAsync(entity, cancellationToken)
                : await Table.UpdateEntityAsync(entity, seen.RowETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes the article's lease for one blob version, unless another parser holds an unexpired lease or this
    /// version was already processed by this extractor version.
    /// </summary>
    /// <param name="reprocess">Claim a version this extractor version already processed too: a deliberate re-run, not a duplicate trigger.</param>
    public async Task<ArticleClaim> ClaimAsync(string name, string blobETag, string extractorVersion, TimeSpan leaseDuration, bool reprocess, CancellationToken cancellationToken)
    {
        var key = TableKeys.ArticleKey(name);
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(key, TableKeys.ArticleRowKey, cancellationToken: cancellationToken);
        var row = existing.HasValue ? existing.Value! : null;
        var previous = row is null ? null : ToRecord(row);
        var now = time.GetUtcNow();

        if (!reprocess && previous is { Status: ArticleStatus.Processed or ArticleStatus.Failed } && previous.ProcessedBlobETag == blobETag && previous.ExtractorVersion == extractorVersion)
        {
            return new ArticleClaim(ArticleClaimOutcome.AlreadyDone, previous, default);
        }

        if (previous is { Status: ArticleStatus.Processing } && row!.GetDateTimeOffset("LeaseUntil") > now)
        {
            return new ArticleClaim(ArticleClaimOutcome.Busy, previous, default);
        }

        var claimed = new TableEntity(key, TableKeys.ArticleRowKey)
        {
            ["Name"] = name,
            ["Status"] = nameof(ArticleStatus.Processing),
            ["BlobETag"] = blobETag,
            ["LeaseUntil"] = now + leaseDuration,
            ["Attempts"] = (previous?.Attempts ?? 0) + 1,
        };
        try
        {
            var response = row is null
                ? await Table.AddEntityAsync(claimed, cancellationToken)
                : await Table.UpdateEntityAsync(claimed, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return new ArticleClaim(ArticleClaimOutcome.Claimed, previous, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another parser changed the row between our read and write: it holds the article now. Its row says
            // which version it took, so a concurrent delivery of the same version is known as a duplicate.
            return new ArticleClaim(ArticleClaimOutcome.Busy, await GetAsync(name, cancellationToken) ?? previous, default);
        }
    }

    /// <summary>Writes the outcome of a parse and releases the lease. Fails with 412 if the lease was lost.</summary>
    public async Task CompleteAsync(ArticleClaim claim, ArticleRecord outcome, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ArticleKey(outcome.Name), TableKeys.ArticleRowKey)
        {
            ["Name"] = outcome.Name,
            ["Status"] = outcome.Status.ToString(),
            ["BlobETag"] = outcome.BlobETag,
            ["ProcessedBlobETag"] = outcome.ProcessedBlobETag,
            ["ContentHash"] = outcome.ContentHash,
            ["ExtractorVersion"] = outcome.ExtractorVersion,
            ["Published"] = outcome.Published,
            ["PublishedSource"] = outcome.PublishedSource?.ToString(),
            ["Title"] = outcome.Title,
            ["EventCount"] = outcome.EventCount,
            ["Error"] = outcome.Error,
            ["Attempts"] = outcome.Attempts,
            ["ReceivedAt"] = outcome.ReceivedAt,
            ["ProcessedAt"] = time.GetUtcNow(),
        };
        var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Replace, cancellationToken);
        claim.ETag = response.Headers.ETag ?? claim.ETag;
    }

    /// <summary>Moves the lease's end on while a long article is parsed. Fails with 412 if the lease was lost.</summary>
    public async Task ExtendLeaseAsync(ArticleClaim claim, string name, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey) { ["LeaseUntil"] = time.GetUtcNow() + leaseDuration };
        var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
        claim.ETag = response.Headers.ETag ?? claim.ETag;
    }

    /// <summary>
    /// Gives the lease back without an outcome (the blob changed, or the attempt failed and will be retried), and
    /// the version the row named before, so a stale request does not leave its own ETag behind.
    /// </summary>
    public async Task ReleaseAsync(ArticleClaim claim, string name, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey)
        {
            ["Status"] = (claim.Previous?.Status is { } status && status != ArticleStatus.Processing ? status : ArticleStatus.Received).ToString(),
            ["LeaseUntil"] = time.GetUtcNow(),
        };
        if (claim.Previous?.BlobETag is { } previousETag)
        {
            entity["BlobETag"] = previousETag;
        }

        try
        {
            var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            claim.ETag = response.Headers.ETag ?? claim.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Someone else took the row after our lease ran out: nothing of ours to release.
        }
    }

    /// <summary>One page of articles, optionally only those with a status.</summary>
    public async Task<(IReadOnlyList<ArticleRecord> Items, string? ContinuationToken)> ListAsync(ArticleStatus? status, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = status is { } wanted ? TableClient.CreateQueryFilter($"Status eq {wanted.ToString()}") : null;
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, limit, cancellationToken: cancellationToken).AsPages(continuationToken, limit))
        {
            return (page.Values.Select(ToRecord).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>
    /// Names of articles no parser is working on although they are not done: received before <paramref name="stalledSince"/>
    /// and still waiting, or processing under a lease that ran out before it.
    /// </summary>
    public async IAsyncEnumerable<string> ListStalledAsync(DateTimeOffset stalledSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"(Status eq {nameof(ArticleStatus.Received)} and ReceivedAt lt {stalledSince}) or (Status eq {nameof(ArticleStatus.Processing)} and LeaseUntil lt {stalledSince})");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Name"], cancellationToken: cancellationToken))
        {
            yield return row.GetString("Name");
        }
    }

    internal static ArticleRecord ToRecord(TableEntity row) => new(
        Name: row.GetString("Name") ?? string.Empty,
        Status: Enum.TryParse<ArticleStatus>(row.GetString("Status"), out var status) ? status : ArticleStatus.Received,
        BlobETag: row.GetString("BlobETag"),
        ProcessedBlobETag: row.GetString("ProcessedBlobETag"),
        ContentHash: row.GetString("ContentHash"),
        ExtractorVersion: row.GetString("ExtractorVersion"),
        Published: row.GetString("Published"),
        PublishedSource: Enum.TryParse<PublicationDateSource>(row.GetString("PublishedSource"), out var source) ? source : null,
        Title: row.GetString("Title"),
        EventCount: row.GetInt32("EventCount") ?? 0,
        Error: row.GetString("Error"),
        Attempts: row.GetInt32("Attempts") ?? 0,
        ReceivedAt: row.GetDateTimeOffset("ReceivedAt"),
        ProcessedAt: row.GetDateTimeOffset("ProcessedAt"))
    {
        LeaseUntil = row.GetDateTimeOffset("LeaseUntil"),
        RowETag = row.ETag,
    };
}

public enum ArticleClaimOutcome
{
    Claimed,

    /// <summary>This blob version was already parsed by this extractor version: a duplicate trigger.</summary>
    AlreadyDone,

    /// <summary>Another parser holds the lease.</summary>
    Busy,
}

/// <summary>A parser's hold on an article. The repository keeps its ETag current as the parse records progress.</summary>
public sealed class ArticleClaim(ArticleClaimOutcome outcome, ArticleRecord? previous, ETag eTag)
{
    public ArticleClaimOutcome Outcome { get; } = outcome;

    /// <summary>The row as it was before the claim.</summary>
    public ArticleRecord? Previous { get; } = previous;

    /// <summary>The row's ETag now; completing needs it, so a parser that lost its lease cannot overwrite another's outcome.</summary>
    public ETag ETag { get; internal set; } = eTag;
}
