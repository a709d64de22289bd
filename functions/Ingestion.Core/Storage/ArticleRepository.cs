using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Articles;

namespace Ingestion.Core.Storage;

/// <summary>The Articles table: one row per blob, also used as a short lease so one parser at a time works on a blob.</summary>
public sealed class ArticleRepository(StorageClients storage, TimeProvider time)
{
    /// <summary>Set while a deletion removes what the article contributed; see <see cref="ClaimDeletionAsync"/>.</summary>
    private const string DeletingColumn = "Deleting";

    /// <summary>Tries at writing a row that keeps changing between read and write before giving up (the caller is retried).</summary>
    private const int MaxRowChanges = 10;

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

        if (IsHeld(row, now))
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

    /// <summary>
    /// Takes the article's lease to remove what it contributed after its blob was deleted, unless a parser or another
    /// deletion holds it. The row is marked as being deleted; that mark survives the intake recording a re-upload, so
    /// no parse of the new version starts (<see cref="ClaimAsync"/> is refused) until the removal is over.
    /// </summary>
    /// <returns>
    /// <see cref="ArticleClaimOutcome.AlreadyDone"/> when there is no row or the article is already deleted,
    /// <see cref="ArticleClaimOutcome.Busy"/> while another holds the lease.
    /// </returns>
    public async Task<ArticleClaim> ClaimDeletionAsync(string name, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey, cancellationToken: cancellationToken);
        var row = existing.HasValue ? existing.Value! : null;
        var previous = row is null ? null : ToRecord(row);
        var now = time.GetUtcNow();
        if (row is null || (previous!.Status == ArticleStatus.Deleted && row.GetBoolean(DeletingColumn) != true))
        {
            return new ArticleClaim(ArticleClaimOutcome.AlreadyDone, previous, default);
        }

        if (IsHeld(row, now))
        {
            return new ArticleClaim(ArticleClaimOutcome.Busy, previous, default);
        }

        var claimed = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Status"] = nameof(ArticleStatus.Processing),
            ["LeaseUntil"] = now + leaseDuration,
            [DeletingColumn] = true,
        };
        try
        {
            var response = await Table.UpdateEntityAsync(claimed, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return new ArticleClaim(ArticleClaimOutcome.Claimed, previous, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return new ArticleClaim(ArticleClaimOutcome.Busy, previous, default);
        }
    }

    /// <summary>
    /// Records that everything the article contributed is gone and releases the deletion's lease. If the intake
    /// recorded a re-upload meanwhile, the row keeps saying so and only the deletion's mark is lifted, so the new
    /// version's parse can start; either way the next parse starts afresh (no attempts, nothing to clean up).
    /// </summary>
    public async Task CompleteDeletionAsync(ArticleClaim claim, string name, CancellationToken cancellationToken)
    {
        var deleted = new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey)
        {
            ["Name"] = name,
            ["Status"] = nameof(ArticleStatus.Deleted),
            ["Title"] = claim.Previous?.Title,
            ["Published"] = claim.Previous?.Published,
            ["PublishedSource"] = claim.Previous?.PublishedSource?.ToString(),
            ["Attempts"] = 0,
            ["ReceivedAt"] = claim.Previous?.ReceivedAt,
            ["ProcessedAt"] = time.GetUtcNow(),
        };
        try
        {
            await Table.UpdateEntityAsync(deleted, claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // The intake recorded a re-upload while the old rows were removed.
        }

        for (var attempt = 1; ; attempt++)
        {
            var row = (await Table.GetEntityAsync<TableEntity>(deleted.PartitionKey, deleted.RowKey, cancellationToken: cancellationToken)).Value;
            var lifted = new TableEntity(row.PartitionKey, row.RowKey) { [DeletingColumn] = false, ["Attempts"] = 0 };
            try
            {
                await Table.UpdateEntityAsync(lifted, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxRowChanges)
            {
                // Changed again between read and write: read it again.
            }
        }
    }

    /// <summary>
    /// Gives a failed deletion's lease back without lifting its mark: the next deletion attempt can claim the article
    /// at once, and until one completes, a parse of a re-upload cleans up what is left (its row has attempts on it).
    /// </summary>
    public async Task ReleaseDeletionAsync(ArticleClaim claim, string name, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey) { ["LeaseUntil"] = time.GetUtcNow() };
        try
        {
            var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            claim.ETag = response.Headers.ETag ?? claim.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // The intake recorded a re-upload: its parse is refused until the lease runs out, then cleans up.
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

    /// <summary>
    /// A parser holds the article under a live lease, or a deletion does (whose mark outlives a re-upload's
    /// "received", which would otherwise let the new version's parse run beside the removal of the old rows).
    /// </summary>
    private static bool IsHeld(TableEntity? row, DateTimeOffset now) =>
        row?.GetDateTimeOffset("LeaseUntil") > now
        && (row.GetString("Status") == nameof(ArticleStatus.Processing) || row.GetBoolean(DeletingColumn) == true);

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
