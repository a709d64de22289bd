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

    /// <returns>The number of entities written.</returns>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var transaction in Plan(actions))
        {
            await table.SubmitTransactionAsync(transaction, cancellationToken);
            written += transaction.Count;
        }

        return written;
    }
}
