using System.Diagnostics;
using Ingestion.Core.Api;
using Ingestion.Core.Storage;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>Deleting a blob through the local host: the watcher notices, and the API stops serving its events within seconds.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LocalHostDeletionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Name = "retracted.txt";
    private const string Days = "from=2022-02-01&to=2022-02-28&limit=1000";

    private static readonly Dictionary<string, string?> NoSamples = new() { ["LocalHost:UploadSamples"] = "false" };

    [Fact]
    public Task Deleted_blob_loses_its_events_within_seconds_and_an_upload_of_the_same_name_starts_afresh() =>
        LocalHostFixture.RunAsync(new TestStorage(azurite), NoSamples, configure: null, async host =>
        {
            await Articles.UploadAsync(host.Storage.Articles, Name, Articles.Sample(Articles.Seed));
            var processed = await host.WaitForArticleAsync(Name, TimeSpan.FromSeconds(60));
            var inFebruary = (await host.GetEventsAsync($"{Days}&article={Name}")).Events.Count;
            Assert.NotEqual(0, inFebruary);
            var articleKey = TableKeys.ArticleKey(Name);

            var stopwatch = Stopwatch.StartNew();
            await host.Storage.Articles.DeleteBlobAsync(Name);
            await Eventually.GetAsync(
                async () => (await host.GetEventsAsync($"{Days}&article={Name}")).Events.Count == 0 && await host.GetArticleAsync(Name) is { Status: ArticleStatus.Deleted } ? host : null,
                TimeSpan.FromSeconds(20),
                "the deleted article's events to go");
            output.WriteLine($"Deleted article's {processed.EventCount} events gone from the API {stopwatch.ElapsedMilliseconds} ms after the blob was deleted");

            Assert.Empty((await host.GetEventsAsync(Days)).Events);
            Assert.DoesNotContain(await Tables.AllRowsAsync(host.Storage.EventIndexTable), row => row.PartitionKey.Contains(articleKey, StringComparison.Ordinal) || row.RowKey.Contains(articleKey, StringComparison.Ordinal));
            Assert.Empty(await Tables.AllRowsAsync(host.Storage.EventsTable));
            var summary = await host.GetAsync<System.Text.Json.Nodes.JsonObject>("/api/events/summary?from=2022-02-01&to=2022-02-28&groupBy=day");
            Assert.Empty(summary["buckets"]!.AsArray());
            var deleted = await host.GetAsync<ArticlesResponse>("/api/articles?status=deleted");
            Assert.Equal([Name], deleted.Articles.Select(a => a.Name));

            await Articles.UploadAsync(host.Storage.Articles, Name, Articles.Sample(Articles.Seed));
            var again = await host.WaitForArticleAsync(Name, TimeSpan.FromSeconds(60));
            Assert.Equal((processed.EventCount, 1), (again.EventCount, again.Attempts));
            Assert.Equal(inFebruary, (await host.GetEventsAsync($"{Days}&article={Name}")).Events.Count);
        });
}
