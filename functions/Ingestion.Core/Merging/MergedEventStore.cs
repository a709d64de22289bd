using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// Keeps the MergedEvents table right as articles are written, re-parsed and removed. A merged event's row and every
/// article's share of it live in one day partition, so replacing an article's shares and recomputing the merged rows
/// of one day is one transaction, conditional on each merged row's ETag: articles about one event written at once
/// never lose or double a mention (the loser reads again and redoes the day). See the README beside this file.
/// </summary>
public sealed class MergedEventStore(StorageClients storage, TimeProvider time)
{
    public const string MentionCountColumn = "MentionCount";
    public const string MentionsColumn = "Mentions";
    public const string ArticleKeyColumn = "ArticleKey";
    public const string ArticleCountColumn = "ArticleCount";
    public const string ArticlesColumn = "Articles";
    public const string FirstReportedColumn = "FirstReported";
    private const string DigestColumn = "Digest";

    /// <summary>A merged row names at most this many articles (its count stays exact).</summary>
    internal const int MaxArticleNames = 100;

    /// <summary>Day partitions updated at once: each is a few round trips of its own.</summary>
    private const int ParallelDays = 8;

    /// <summary>Tries per day against concurrent writers before giving up (the parse is retried as a whole).</summary>
    private const int MaxAttempts = 50;

    /// <summary>Each merged event takes two actions (its row and this article's share), so a transaction holds 50.</summary>
    private const int EventsPerTransaction = TableTransactions.MaxActionsPerTransaction / 2;

    /// <summary>Makes the article's shares exactly these: adds, replaces, and takes back what it no longer mentions.</summary>
    /// <param name="firstWrite">The article never wrote anything, so it has no listing to read.</param>
    public async Task SetArticleAsync(string articleKey, IEnumerable<MergeContribution> contributions, bool firstWrite, CancellationToken cancellationToken)
    {
        var current = contributions.ToDictionary(contribution => contribution.Key, StringComparer.Ordinal);
        var listing = MergedEventKeys.ArticlePartition(articleKey);
        var previous = firstWrite ? [] : await ListedAsync(listing, cancellationToken);

        // The listing first: a parse that dies half-way leaves shares the next one finds by it.
        await TableTransactions.SubmitAsync(
            storage.MergedEventsTable,
            current.Keys.Except(previous).Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(listing, key))),
            cancellationToken);
        var days = previous.Union(current.Keys)
            .Select(key => MergedEventKeys.TryParse(key, out var day, out var row) ? (Key: key, Day: day, Row: row) : throw new InvalidOperationException($"'{key}' is not a merged event key."))
            .GroupBy(key => key.Day, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            days,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDays, CancellationToken = cancellationToken },
            async (day, token) =>
            {
                foreach (var part in day.Chunk(EventsPerTransaction))
                {
                    await ApplyAsync(day.Key, articleKey, [.. part.Select(key => (key.Row, current.GetValueOrDefault(key.Key)?.Row))], token);
                }
            });
        await TableTransactions.DeleteAsync(storage.MergedEventsTable, previous.Except(current.Keys).Select(key => (listing, key)), cancellationToken);
    }

    /// <summary>Takes back every share the article had: for an article that is deleted, or no longer readable.</summary>
    public Task RemoveArticleAsync(string articleKey, CancellationToken cancellationToken) =>
        SetArticleAsync(articleKey, [], firstWrite: false, cancellationToken);

    private async Task<HashSet<string>> ListedAsync(string listing, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.MergedEventsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {listing}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    /// <summary>
    /// Replaces the article's shares of some merged events of one day (null: none) and recomputes those events from
    /// all their shares, in one transaction conditional on each merged row as read.
    /// </summary>
    private async Task ApplyAsync(string day, string articleKey, IReadOnlyList<(string Row, TableEntity? Share)> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var actions = new List<TableTransactionAction>(events.Count * 2);
            foreach (var (row, share) in events)
            {
                actions.AddRange(await ActionsAsync(day, row, articleKey, share, cancellationToken));
            }

            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await storage.MergedEventsTable.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another article changed, created or emptied one of these events since it was read: read again and
                // redo them, after a short random pause so that writers racing for one event spread out.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * Math.Min(attempt, 10))), time, cancellationToken);
            }
        }
    }

    /// <summary>The actions that make one merged event hold this share (or none) of the article: none when it already does.</summary>
    private async Task<IEnumerable<TableTransactionAction>> ActionsAsync(string day, string row, string articleKey, TableEntity? share, CancellationToken cancellationToken)
    {
        var (merged, shares) = await ReadAsync(day, row, cancellationToken);
        var shareRow = MergedEventKeys.ContributionRow(row, articleKey);
        var old = shares.Find(existing => existing.RowKey == shareRow);
        TableEntity? next = null;
        if (share is not null)
        {
            next = new TableEntity(share) { PartitionKey = day, RowKey = shareRow };
            next[DigestColumn] = Digest(next);
            if (old is not null && merged is not null && old.GetString(DigestColumn) == next.GetString(DigestColumn))
            {
                return [];
            }
        }
        else if (old is null)
        {
            return [];
        }

        var actions = new List<TableTransactionAction>(2);
        shares.Remove(old!);
        if (next is not null)
        {
            shares.Add(next);
            actions.Add(new(TableTransactionActionType.UpsertReplace, next));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(day, shareRow) { ETag = ETag.All }));
        }

        if (shares.Count == 0)
        {
            if (merged is not null)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(day, row), merged.ETag));
            }
        }
        else
        {
            var updated = Merge(day, row, shares);
            actions.Add(merged is null ? new(TableTransactionActionType.Add, updated) : new(TableTransactionActionType.UpdateReplace, updated, merged.ETag));
        }

        return actions;
    }

    /// <summary>The merged row and every article's share of it: one query of the rows its key begins.</summary>
    private async Task<(TableEntity? Merged, List<TableEntity> Shares)> ReadAsync(string day, string row, CancellationToken cancellationToken)
    {
        TableEntity? merged = null;
        var shares = new List<TableEntity>();
        var (from, to) = MergedEventKeys.Rows(row);
        await foreach (var entity in storage.MergedEventsTable.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == row)
            {
                merged = entity;
            }
            else
            {
                shares.Add(entity);
            }
        }

        return (merged, shares);
    }

    /// <summary>A merged row from all its shares, the earliest reported first: the best fields, the counts, the articles.</summary>
    internal static TableEntity Merge(string day, string row, IReadOnlyList<TableEntity> shares)
    {
        var ordered = shares
            .OrderBy(share => share.GetString("ArticlePublished"), StringComparer.Ordinal)
            .ThenBy(share => share.RowKey, StringComparer.Ordinal)
            .ToList();
        var merged = new TableEntity(ordered.Aggregate(MergedFields.Combine)) { PartitionKey = day, RowKey = row };
        merged.Remove(MentionsColumn);
        merged.Remove(ArticleKeyColumn);
        merged.Remove(DigestColumn);
        merged[MentionCountColumn] = ordered.Sum(share => share.GetInt32(MentionCountColumn) ?? 0);
        merged[ArticleCountColumn] = ordered.Count;
        merged[ArticlesColumn] = JsonSerializer.Serialize(ordered.Take(MaxArticleNames).Select(share => share.GetString("Article")));
        merged[FirstReportedColumn] = ordered[0].GetString("ArticlePublished");
        return merged;
    }

    /// <summary>What a share says, as a hash: an article parsed again with the same share changes nothing.</summary>
    private static string Digest(TableEntity share)
    {
        var text = string.Join('\n', share.Keys
            .Where(key => key is not ("odata.etag" or "Timestamp" or DigestColumn))
            .Order(StringComparer.Ordinal)
            .Select(key => string.Create(CultureInfo.InvariantCulture, $"{key}={share[key]}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
