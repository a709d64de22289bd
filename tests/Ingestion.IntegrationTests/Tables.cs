using Azure.Data.Tables;

namespace Ingestion.IntegrationTests;

internal static class Tables
{
    /// <summary>Every row of a (test-sized) table.</summary>
    public static async Task<List<TableEntity>> AllRowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>An event row without its article's key: partition, index and what was found, to compare runs.</summary>
    public static string Shape(TableEntity row) => $"{row.PartitionKey}/{row.RowKey[^5..]}/{row.GetString("Trigger")}/{row.GetString("Sentence")}";
}
