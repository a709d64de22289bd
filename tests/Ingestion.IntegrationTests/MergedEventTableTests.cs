using Azure.Data.Tables;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Merging;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>The MergedEvents table on Azurite: one merged event for concurrent articles, exact counts through re-parses and removals.</summary>
[Collection(AzuriteTests.Name)]
public sealed class MergedEventTableTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    private static readonly Actor Macron = new("Emmanuel Macron", ActorKind.Person, "FR");
    private static readonly Actor Putin = new("Vladimir Putin", ActorKind.Person, "RU");
    private static readonly Actor Scholz = new("Olaf Scholz", ActorKind.Person, "DE");

    /// <summary>Writes an article's events as the processor does: one meeting mention per (day, actor, target) given.</summary>
    private async Task WriteAsync(string name, params (string Day, Actor Actor, Actor Target)[] events)
    {
        var article = new Article(name, new DateOnly(2022, 2, 8), PublicationDateSource.Header, null, "…");
        var key = TableKeys.ArticleKey(name);
        var rows = events.Select((e, i) =>
        {
            var day = DateOnly.Parse(e.Day, System.Globalization.CultureInfo.InvariantCulture);
            var date = new EventDate(e.Day, DatePrecision.Day, day, day, DateSource.Explicit);
            return EventEntityMapper.ToEntity(article, key, i, new ExtractedEvent(0, 3, "met", new CameoCategory("04", "CONSULT"), date, [e.Actor], [e.Target], [], [], "They met.", EventCode: "040"), "test");
        }).ToList();
        await Core.Get<EventWriter>().ReplaceArticleEventsAsync(key, rows, firstWrite: false, CancellationToken.None);
    }

    private async Task<List<MergedEvent>> DistinctAsync(int limit = 100) =>
        [.. (await Core.Get<MergedEventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 28), limit), CancellationToken.None)).Events];

    private Task<List<TableEntity>> RowsAsync() => Tables.AllRowsAsync(Storage.MergedEventsTable);

    [Fact]
    public async Task Articles_about_one_event_written_at_once_end_in_one_merged_event()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, 12), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, _) =>
            await WriteAsync($"report-{i}.txt", ("2022-02-07", i % 2 == 0 ? Macron : Putin, i % 2 == 0 ? Putin : Macron), ("2022-02-07", Putin, Macron)));

        var merged = Assert.Single(await DistinctAsync());
        Assert.Equal((24, 12), (merged.MentionCount, merged.ArticleCount));
        Assert.Equal(12, merged.Articles.Count);
        var detail = await Core.Get<MergedEventQueryService>().GetAsync(merged.Key, CancellationToken.None);
        Assert.Equal(24, detail!.Mentions.Count);
        Assert.All(detail.Mentions, mention => Assert.Equal(merged.Key, mention.MergedKey));
    }

    [Fact]
    public async Task Re_parses_and_removals_keep_the_counts_exact()
    {
        await WriteAsync("a.txt", ("2022-02-07", Macron, Putin), ("2022-02-07", Putin, Macron), ("2022-02-15", Scholz, Putin));
        await WriteAsync("b.txt", ("2022-02-07", Putin, Macron));
        Assert.Equal([("2022-02-07", 3, 2), ("2022-02-15", 1, 1)], Counts(await DistinctAsync()));

        // Re-parse: a.txt now mentions the 7 February meeting once, and no longer the 15 February one.
        await WriteAsync("a.txt", ("2022-02-07", Macron, Putin));
        Assert.Equal([("2022-02-07", 2, 2)], Counts(await DistinctAsync()));

        // The same version again changes nothing.
        var before = (await RowsAsync()).Select(row => (row.PartitionKey, row.RowKey, row.ETag)).ToList();
        await WriteAsync("a.txt", ("2022-02-07", Macron, Putin));
        Assert.Equal(before, (await RowsAsync()).Select(row => (row.PartitionKey, row.RowKey, row.ETag)).ToList());

        // Removal (a deleted article, or an unreadable new version) takes back exactly the article's mentions.
        await Core.Get<ArticleContributions>().RemoveAsync(TableKeys.ArticleKey("a.txt"), _ => Task.CompletedTask, CancellationToken.None);
        var left = Assert.Single(await DistinctAsync());
        Assert.Equal((1, 1, "b.txt"), (left.MentionCount, left.ArticleCount, string.Join(",", left.Articles)));
        await Core.Get<ArticleContributions>().RemoveAsync(TableKeys.ArticleKey("b.txt"), _ => Task.CompletedTask, CancellationToken.None);
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Distinct_pages_and_filters_follow_the_merged_fields()
    {
        await WriteAsync("a.txt", ("2022-02-07", Macron, Putin), ("2022-02-15", Scholz, Putin), ("2022-02-16", Scholz, Macron));
        var service = Core.Get<MergedEventQueryService>();
        var query = new EventQuery(new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 28), Limit: 2);
        var first = await service.QueryAsync(query, CancellationToken.None);
        var second = await service.QueryAsync(query with { ContinuationToken = first.ContinuationToken }, CancellationToken.None);
        Assert.Equal(["2022-02-07", "2022-02-15", "2022-02-16"], first.Events.Concat(second.Events).Select(merged => merged.Date));
        Assert.Null(second.ContinuationToken);

        var scholz = await service.QueryAsync(query with { Limit = 100, ActorIds = [Scholz.Id] }, CancellationToken.None);
        Assert.Equal(["2022-02-15", "2022-02-16"], scholz.Events.Select(merged => merged.Date));
        Assert.Empty((await service.QueryAsync(query with { Article = "other.txt" }, CancellationToken.None)).Events);
        Assert.Null(await service.GetAsync("2022-02-07_0000000000000000", CancellationToken.None));
        Assert.Null(await service.GetAsync("not-a-key", CancellationToken.None));
    }

    private static List<(string, int, int)> Counts(List<MergedEvent> events) =>
        [.. events.Select(merged => (merged.Date, merged.MentionCount, merged.ArticleCount))];
}
