using Azure.Data.Tables;
using Ingestion.Core.Actors;
using Ingestion.Core.Merging;

namespace Ingestion.Core.Storage;

/// <summary>
/// Writes an article's events with their index copies, per-day counts and contributions to the Actors and
/// MergedEvents tables, and
/// removes whatever an earlier version of the article left that the new one does not have. The article's own index partition lists every event it has (or
/// may have, mid-write), which is how stale rows are found.
/// </summary>
/// <remarks>
/// An article read in one segment is replaced in place (<see cref="ReplaceArticleEventsAsync"/>): new rows are
/// written over the old, then what the new version lacks is deleted, so its events never go missing. A longer article
/// is replaced by delete-then-write (<see cref="DeleteArticleEventsAsync"/>, <see cref="AppendEventsAsync"/>,
/// <see cref="WriteCountsAsync"/>), so that nothing holds all its events or keys at once; while it is re-parsed its
/// events are briefly missing.
/// </remarks>
public sealed class EventWriter(StorageClients storage, ActorRegistry actors, MergedEventStore mergedEvents)
{
    /// <summary>Listed rows read per query page while deleting: the memory a deletion takes.</summary>
    private const int ListingPage = 1000;

    /// <param name="events">The article's events, keyed by <see cref="TableKeys"/>.</param>
    /// <param name="firstWrite">
    /// No parse of this article ever started, so it has no rows: skips reading its index partition, a round trip on
    /// Azure and a scan of the whole table on Azurite.
    /// </param>
    /// <returns>The number of events written and of stale rows (events and index rows) deleted.</returns>
    public async Task<(int Written, int Deleted)> ReplaceArticleEventsAsync(string articleKey, IReadOnlyList<TableEntity> events, bool firstWrite, CancellationToken cancellationToken)
    {
        var counts = new DailyEventCounts(articleKey);
        var indexRows = IndexRows(articleKey, events, counts);
        indexRows.AddRange(counts.Rows());
        var written = await WriteAsync(articleKey, events, indexRows, cancellationToken);
        var deleted = firstWrite ? 0 : await DeleteListedAsync(
            articleKey,
            keepEvents: events.Select(row => (row.PartitionKey, row.RowKey)).ToHashSet(),
            keepIndex: indexRows.Select(row => (row.PartitionKey, row.RowKey)).ToHashSet(),
            afterPage: null,
            cancellationToken);
        await actors.SetArticleAsync(articleKey, counts.Actors.All, firstWrite, cancellationToken);
        await mergedEvents.SetArticleAsync(articleKey, counts.Merges.Contributions, firstWrite, cancellationToken);
        return (written, deleted);
    }

    /// <summary>
    /// Deletes every row the article's index partition lists, page by page — what any earlier parse wrote or began to
    /// write — and subtracts the article's contributions to the Actors table.
    /// </summary>
    /// <param name="afterPage">Called after each page, so a long deletion can keep the article's lease.</param>
    /// <returns>The number of keys deleted (a day's count row once per page that lists it).</returns>
    public async Task<int> DeleteArticleEventsAsync(string articleKey, Func<CancellationToken, Task> afterPage, CancellationToken cancellationToken)
    {
        var deleted = await DeleteListedAsync(articleKey, keepEvents: [], keepIndex: [], afterPage, cancellationToken);
        await actors.RemoveArticleAsync(articleKey, cancellationToken);
        await mergedEvents.RemoveArticleAsync(articleKey, cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Writes some of a long article's events and their index copies (the article's listing first) and adds them to
    /// the day counts; the count rows are written once, by <see cref="WriteCountsAsync"/>, after the last events.
    /// </summary>
    /// <returns>The number of events written.</returns>
    public Task<int> AppendEventsAsync(string articleKey, IReadOnlyList<TableEntity> events, DailyEventCounts counts, CancellationToken cancellationToken) =>
        WriteAsync(articleKey, events, IndexRows(articleKey, events, counts), cancellationToken);

    /// <summary>Writes a long article's count rows and its contributions to the Actors table, once its events are all written.</summary>
    public async Task WriteCountsAsync(string articleKey, DailyEventCounts counts, CancellationToken cancellationToken)
    {
        await UpsertAsync(storage.EventIndexTable, counts.Rows(), cancellationToken);
        await actors.SetArticleAsync(articleKey, counts.Actors.All, firstWrite: false, cancellationToken);
        await mergedEvents.SetArticleAsync(articleKey, counts.Merges.Contributions, firstWrite: false, cancellationToken);
    }

    /// <summary>
    /// Every index copy of the events (the article's listing included), counting them by day on the way; each event
    /// is first stamped with its merged event, so its copies carry the key too.
    /// </summary>
    private static List<TableEntity> IndexRows(string articleKey, IReadOnlyList<TableEntity> events, DailyEventCounts counts)
    {
        counts.Merges.Add(events);
        var rows = new List<TableEntity>();
        foreach (var row in events)
        {
            var record = EventEntityMapper.FromEntity(row);
            counts.Add(record);
            rows.AddRange(EventIndexKeys.Partitions(record, articleKey).Select(partition => EventEntityMapper.ToIndexEntity(row, partition)));
        }

        return rows;
    }

    private async Task<int> WriteAsync(string articleKey, IReadOnlyList<TableEntity> events, List<TableEntity> indexRows, CancellationToken cancellationToken)
    {
        // The article's rows go first: they announce what may exist, so a parse that dies half-way is cleaned up by the next.
        var articlePartition = EventIndexKeys.ArticlePartition(articleKey);
        await UpsertAsync(storage.EventIndexTable, indexRows.Where(row => row.PartitionKey == articlePartition), cancellationToken);
        var written = await UpsertAsync(storage.EventsTable, events, cancellationToken);
        await UpsertAsync(storage.EventIndexTable, indexRows.Where(row => row.PartitionKey != articlePartition), cancellationToken);
        return written;
    }

    /// <summary>
    /// Deletes, except the keys kept, what the article's listing names — each listed event's row, its index copies and
    /// its day's count row — and then the listed rows themselves, a page at a time: until a listed row goes, it still
    /// names the others to the next attempt if this one dies.
    /// </summary>
    private async Task<int> DeleteListedAsync(
        string articleKey, HashSet<(string, string)> keepEvents, HashSet<(string, string)> keepIndex, Func<CancellationToken, Task>? afterPage, CancellationToken cancellationToken)
    {
        var articlePartition = EventIndexKeys.ArticlePartition(articleKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articlePartition}");
        var deleted = 0;
        await foreach (var page in storage.EventIndexTable.QueryAsync<TableEntity>(filter, ListingPage, cancellationToken: cancellationToken).AsPages(pageSizeHint: ListingPage))
        {
            var listed = page.Values;
            var records = listed.Select(EventEntityMapper.FromEntity).ToList();
            var events = listed.Select(EventEntityMapper.EventKeys).Where(key => !keepEvents.Contains(key));
            var copies = listed
                .Zip(records)
                .SelectMany(pair => EventIndexKeys.Partitions(pair.Second, articleKey).Where(partition => partition != articlePartition).Select(partition => (partition, pair.First.RowKey)))
                .Concat(records.Select(record => (EventIndexKeys.CountPartition(record.Date), articleKey)))
                .Where(key => !keepIndex.Contains(key));
            deleted += await TableTransactions.DeleteAsync(storage.EventsTable, events, cancellationToken)
                + await TableTransactions.DeleteAsync(storage.EventIndexTable, copies, cancellationToken);
            deleted += await TableTransactions.DeleteAsync(
                storage.EventIndexTable, listed.Select(row => (row.PartitionKey, row.RowKey)).Where(key => !keepIndex.Contains(key)), cancellationToken);
            if (afterPage is not null)
            {
                await afterPage(cancellationToken);
            }
        }

        return deleted;
    }

    private static Task<int> UpsertAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(table, rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
}

/// <summary>Column names of the per-day count rows.</summary>
public static class EventCounts
{
    /// <summary>The prefix of the same columns counting coded events only (CodedTotal, CodedTypes, ...).</summary>
    public const string Coded = "Coded";

    /// <summary>Of the day's events, those only known to have happened before the publication (filed under its day).</summary>
    public const string BeforePublication = "BeforePublication";

    public const string Total = "Total";
    public const string Types = "Types";
    public const string Actors = "Actors";

    /// <summary>Each counted actor id's name, for summaries by actor.</summary>
    public const string ActorNames = "ActorNames";
    public const string Locations = "Locations";

    /// <summary>Counts by place key (<see cref="EventIndexKeys.PlaceKey"/>), for maps and place search.</summary>
    public const string Places = "Places";
    public const string Countries = "Countries";

    /// <summary>Every count column of one selection: all events, or coded ones only.</summary>
    public static IReadOnlyList<string> Columns(bool coded) =>
        [.. new[] { Total, BeforePublication, Types, Actors, Locations, Places, Countries }.Select(name => Column(name, coded))];

    public static string Column(string name, bool coded) => coded ? Coded + name : name;
}
