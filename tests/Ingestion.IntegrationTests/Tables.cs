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
}
