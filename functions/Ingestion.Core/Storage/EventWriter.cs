using Azure;
using Azure.Data.Tables;

namespace Ingestion.Core.Storage;

/// <summary>Writes an article's events and removes the rows an earlier version of it left behind.</summary>
public sealed class EventWriter(StorageClients storage)
{
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private TableClient Table => storage.EventsTable;

    /// <param name="events">The article's events, keyed by <see cref="TableKeys"/>.</param>
    /// <param name="knownPartitions">Every partition an earlier version of the article may have rows in.</param>
    /// <returns>The number of rows written and deleted.</returns>
    public async Task<(int Written, int Deleted)> ReplaceArticleEventsAsync(
        string articleKey, IReadOnlyList<TableEntity> events, IEnumerable<string> knownPartitions, CancellationToken cancellationToken)
    {
        var written = await TableTransactions.SubmitAsync(
            Table, events.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);

        var keep = events.Select(entity => (entity.PartitionKey, entity.RowKey)).ToHashSet();
        var (from, to) = TableKeys.EventRowKeyRange(articleKey);
        var stale = new List<TableTransactionAction>();
        foreach (var partition in knownPartitions.Concat(events.Select(entity => entity.PartitionKey)).Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: KeyColumns, cancellationToken: cancellationToken))
            {
                if (!keep.Contains((row.PartitionKey, row.RowKey)))
                {
                    stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey) { ETag = ETag.All }));
                }
            }
        }

        var deleted = await TableTransactions.SubmitAsync(Table, stale, cancellationToken);
        return (written, deleted);
    }
}
