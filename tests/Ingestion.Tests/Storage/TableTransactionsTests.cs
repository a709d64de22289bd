using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Storage;
using Moq;

namespace Ingestion.Tests.Storage;

/// <summary>Azure rejects a transaction that spans partitions or holds more than 100 actions; Azurite accepts both, so this is checked here.</summary>
public class TableTransactionsTests
{
    private static List<TableTransactionAction> Actions(params (string Partition, int Count)[] partitions) =>
        partitions.SelectMany(p => Enumerable.Range(0, p.Count).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(p.Partition, $"row-{i:D4}"))))
            .ToList();

    [Fact]
    public async Task Every_transaction_holds_one_partition_and_at_most_100_entities()
    {
        var submitted = new List<IReadOnlyList<TableTransactionAction>>();
        var table = new Mock<TableClient>();
        table.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<TableTransactionAction>, CancellationToken>((actions, _) => submitted.Add(actions.ToList()))
            .ReturnsAsync(Mock.Of<Response<IReadOnlyList<Response>>>());
        var actions = Actions(("2022-02-05", 250), ("2022-02-06", 1), ("2022-02-07", 100));

        var written = await TableTransactions.SubmitAsync(table.Object, actions.OrderBy(_ => Guid.NewGuid()), CancellationToken.None);

        Assert.Equal(351, written);
        Assert.All(submitted, transaction =>
        {
            Assert.InRange(transaction.Count, 1, TableTransactions.MaxActionsPerTransaction);
            Assert.Single(transaction.Select(a => a.Entity.PartitionKey).Distinct());
        });
        Assert.Equal(5, submitted.Count);
        Assert.Equal(actions.Select(a => a.Entity.RowKey + a.Entity.PartitionKey).Order(), submitted.SelectMany(t => t).Select(a => a.Entity.RowKey + a.Entity.PartitionKey).Order());
    }

    [Fact]
    public async Task Nothing_to_write_submits_nothing()
    {
        var table = new Mock<TableClient>(MockBehavior.Strict);

        Assert.Equal(0, await TableTransactions.SubmitAsync(table.Object, [], CancellationToken.None));
    }
}
