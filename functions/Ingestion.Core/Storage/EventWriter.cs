using System.Text.Json;
using Azure.Data.Tables;

namespace Ingestion.Core.Storage;

/// <summary>
/// Writes an article's events with their index copies and per-day counts, and removes whatever an earlier version of
/// the article left that the new one does not have. The article's own index partition lists every event it has (or
/// may have, mid-write), which is how stale rows are found.
/// </summary>
public sealed class EventWriter(StorageClients storage)
{
    /// <param name="events">The article's events, keyed by <see cref="TableKeys"/>.</param>
    /// <param name="firstWrite">
    /// No parse of this article ever started, so it has no rows: skips reading its index partition, a round trip on
    /// Azure and a scan of the whole table on Azurite.
    /// </param>
    /// <returns>The number of events written and of stale rows (events and index rows) deleted.</returns>
    public async Task<(int Written, int Deleted)> ReplaceArticleEventsAsync(string articleKey, IReadOnlyList<TableEntity> events, bool firstWrite, CancellationToken cancellationToken)
    {
        var articlePartition = $"{EventIndexKeys.Article}|{articleKey}";
        var previous = firstWrite ? [] : await ReadArticlePartitionAsync(articlePartition, cancellationToken);

        var records = events.Select(EventEntityMapper.FromEntity).ToList();
        var indexRows = events
            .Zip(records)
            .SelectMany(pair => EventIndexKeys.Partitions(pair.Second, articleKey).Select(partition => EventEntityMapper.ToIndexEntity(pair.First, partition)))
            .Concat(CountRows(articleKey, records))
            .ToList();

        // The article's rows go first: they announce what may exist, so a parse that dies half-way is cleaned up by the next.
        await UpsertAsync(storage.EventIndexTable, indexRows.Where(row => row.PartitionKey == articlePartition), cancellationToken);
        var written = await UpsertAsync(storage.EventsTable, events, cancellationToken);
        await UpsertAsync(storage.EventIndexTable, indexRows.Where(row => row.PartitionKey != articlePartition), cancellationToken);

        var keepEvents = events.Select(row => (row.PartitionKey, row.RowKey)).ToHashSet();
        var keepIndex = indexRows.Select(row => (row.PartitionKey, row.RowKey)).ToHashSet();
        var previousRecords = previous.Select(EventEntityMapper.FromEntity).ToList();
        var staleEvents = previous.Select(EventEntityMapper.EventKeys).Where(key => !keepEvents.Contains(key));
        var staleIndex = previous
            .Zip(previousRecords)
            .SelectMany(pair => EventIndexKeys.Partitions(pair.Second, articleKey).Select(partition => (partition, pair.First.RowKey)))
            .Concat(CountRows(articleKey, previousRecords).Select(row => (row.PartitionKey, row.RowKey)))
            .Where(key => !keepIndex.Contains(key));
        var deleted = await TableTransactions.DeleteAsync(storage.EventsTable, staleEvents, cancellationToken)
            + await TableTransactions.DeleteAsync(storage.EventIndexTable, staleIndex, cancellationToken);
        return (written, deleted);
    }

    /// <summary>The article's events as its index partition holds them, in date order.</summary>
    public async Task<List<TableEntity>> ReadArticlePartitionAsync(string articlePartition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articlePartition}");
        await foreach (var row in storage.EventIndexTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>One row per day the article has events on, with its counts by type, actor, location and country.</summary>
    private static IEnumerable<TableEntity> CountRows(string articleKey, IEnumerable<EventRecord> records) =>
        records.GroupBy(record => record.Date, StringComparer.Ordinal).Select(day => new TableEntity(EventIndexKeys.CountPartition(day.Key), articleKey)
        {
            [EventCounts.Total] = day.Count(),
            [EventCounts.Types] = Counts(day.Where(r => r.Type is not null).Select(r => r.Type!.Code)),
            [EventCounts.Actors] = Counts(day.SelectMany(r => r.Actors.Concat(r.Targets).Select(a => a.Name).Distinct())),
            [EventCounts.Locations] = Counts(day.SelectMany(r => r.Locations.Select(p => p.Name).Distinct())),
            [EventCounts.Countries] = Counts(day.SelectMany(r => r.Actors.Concat(r.Targets).Select(a => a.CountryCode).Concat(r.Locations.Select(p => p.CountryCode)).OfType<string>().Distinct())),
        });

    private static string Counts(IEnumerable<string> keys) =>
        JsonSerializer.Serialize(keys.GroupBy(key => key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count()));

    private static Task<int> UpsertAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(table, rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
}

/// <summary>Column names of the per-day count rows.</summary>
public static class EventCounts
{
    public const string Total = "Total";
    public const string Types = "Types";
    public const string Actors = "Actors";
    public const string Locations = "Locations";
    public const string Countries = "Countries";
}
