using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>Many small distinct articles for batch runs, and what a run left in the tables.</summary>
internal static class GeneratedArticles
{
    private static readonly string[] Places = ["Geneva", "Paris", "Warsaw", "Kyiv", "Berlin", "Madrid", "Rome", "Vienna", "Oslo"];

    public static IReadOnlyList<(string Name, string Text)> Create(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (
                $"batch/{i.ToString("D4", CultureInfo.InvariantCulture)}.txt",
                $" date 2024-{1 + (i % 12):D2}-{1 + (i % 28):D2} Officials met in {Places[i % Places.Length]} on Tuesday to discuss the ceasefire. " +
                $"Troops attacked the town on Monday, report {i}. The minister will visit {Places[(i + 4) % Places.Length]} next week."))
            .ToList();

    public static Task UploadAsync(BlobContainerClient container, IEnumerable<(string Name, string Text)> articles) =>
        Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (article, _) => await Articles.UploadAsync(container, article.Name, article.Text));

    public static async Task<int> CountAsync(StorageClients storage, ArticleStatus status)
    {
        var count = 0;
        await foreach (var _ in storage.ArticlesTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"), select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Every event row as article, partition, index and content: equal lists mean the same events, each once.</summary>
    public static async Task<List<string>> EventsAsync(StorageClients storage) =>
        (await Tables.AllRowsAsync(storage.EventsTable))
            .Select(row => $"{row.GetString("Article")}|{Tables.Shape(row)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
