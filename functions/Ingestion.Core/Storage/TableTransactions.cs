using Azure;
using Azure.Data.Tables;

namespace Ingestion.Core.Storage;

/// <summary>
/// Splits table writes into the transactions Azure accepts: one PartitionKey each, at most 100 actions.
/// (Azurite also accepts batches that span partitions; Azure rejects them.)
/// </summary>
public static class TableTransactions
{
    public const int MaxActionsPerTransaction = 100;

    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Plan(IEnumerable<TableTransactionAction> actions) =>
        actions
            .GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActionsPerTransaction));

    /// <summary>Transactions on different partitions are independent, so a few run at once.</summary>
    private const int ParallelTransactions = 8;

    /// <returns>The number of entities written.</returns>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var written = 0;
        await Parallel.ForEachAsync(
            Plan(actions),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (transaction, token) =>
            {
                await table.SubmitTransactionAsync(transaction, token);
                Interlocked.Add(ref written, transaction.Count);
            });
        return written;
    }

    /// <summary>
    /// Deletes rows by key. A transaction fails whole if one of its rows is already gone (a parse that died half-way
    /// can leave such keys), so a failed transaction is retried one row at a time, where a missing row is no error.
    /// </summary>
    /// <returns>The number of keys handled.</returns>
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var actions = keys.Distinct().Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.PartitionKey, key.RowKey) { ETag = ETag.All }));
        await Parallel.ForEachAsync(
            Plan(actions),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (transaction, token) =>
            {
                try
                {
                    await table.SubmitTransactionAsync(transaction, token);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    foreach (var action in transaction)
                    {
                        await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, token);
                    }
                }

                Interlocked.Add(ref deleted, transaction.Count);
            });
        return deleted;
    }
}
