using Azure.Data.Tables;
using Ingestion.Core.Actors;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>The Actors table on Azurite: counts and date spans through re-parses, removals and concurrent articles; aliases naming several actors.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ActorTableTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    private static readonly Actor Ada = new("Ada Lovelace", ActorKind.Person, "GB", "Countess");
    private static readonly Actor Charles = new("Charles Babbage", ActorKind.Person, "GB");

    /// <summary>Writes an article's events as the processor does: one event per (day, actors) given.</summary>
    private async Task WriteAsync(string name, params (string Day, Actor[] Actors)[] events)
    {
        var article = new Article(name, new DateOnly(2022, 3, 1), PublicationDateSource.Header, null, "…");
        var key = TableKeys.ArticleKey(name);
        var rows = events.Select((e, i) =>
        {
            var day = DateOnly.Parse(e.Day, System.Globalization.CultureInfo.InvariantCulture);
            var date = new EventDate(e.Day, DatePrecision.Day, day, day, DateSource.Explicit);
            return EventEntityMapper.ToEntity(article, key, i, new ExtractedEvent(0, 3, "met", new CameoCategory("04", "CONSULT"), date, e.Actors, [], [], [], "They met."), "test");
        }).ToList();
        await Core.Get<EventWriter>().ReplaceArticleEventsAsync(key, rows, firstWrite: false, CancellationToken.None);
    }

    private async Task<ActorRecord?> ActorAsync(Actor actor) =>
        (await Core.Get<ActorDirectory>().GetAsync([actor.Id], CancellationToken.None)).SingleOrDefault();

    private async Task<List<TableEntity>> ContributionRowsAsync(Actor actor)
    {
        var (from, to) = ActorKeys.ContributionRows;
        return await Storage.ActorsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {actor.Id} and RowKey ge {from} and RowKey lt {to}")).ToListAsync();
    }

    [Fact]
    public async Task Counts_and_date_span_follow_re_parses_and_removals_exactly()
    {
        await WriteAsync("a.txt", ("2022-03-01", [Ada]), ("2022-03-05", [Ada, Charles]));
        await WriteAsync("b.txt", ("2022-03-03", [Ada]));
        Assert.Equal((3, "2022-03-01", "2022-03-05"), Totals(await ActorAsync(Ada)));
        Assert.Equal((1, "2022-03-05", "2022-03-05"), Totals(await ActorAsync(Charles)));

        // Re-parse: a.txt now has one event with Ada, later, and none with Charles.
        await WriteAsync("a.txt", ("2022-03-09", [Ada]));
        Assert.Equal((2, "2022-03-03", "2022-03-09"), Totals(await ActorAsync(Ada)));
        Assert.Equal((0, null, null), Totals(await ActorAsync(Charles)));

        // The same version again changes nothing.
        await WriteAsync("a.txt", ("2022-03-09", [Ada]));
        Assert.Equal((2, "2022-03-03", "2022-03-09"), Totals(await ActorAsync(Ada)));

        // Removal (an unreadable new version, or a deleted article) subtracts exactly the article's part.
        await Core.Get<ActorRegistry>().RemoveArticleAsync(TableKeys.ArticleKey("a.txt"), CancellationToken.None);
        Assert.Equal((1, "2022-03-03", "2022-03-03"), Totals(await ActorAsync(Ada)));
        Assert.Single(await ContributionRowsAsync(Ada));
        Assert.Empty(await ContributionRowsAsync(Charles));
        Assert.Empty(await Storage.ActorsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ActorKeys.ArticlePartition(TableKeys.ArticleKey("a.txt"))}")).ToListAsync());
    }

    [Fact]
    public async Task Concurrent_articles_about_one_actor_lose_no_count()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, 12), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, _) =>
            await WriteAsync($"concurrent-{i}.txt", ($"2022-03-{i + 1:D2}", [Ada]), ($"2022-03-{i + 1:D2}", [Ada, Charles])));

        Assert.Equal((24, "2022-03-01", "2022-03-12"), Totals(await ActorAsync(Ada)));
        Assert.Equal((12, "2022-03-01", "2022-03-12"), Totals(await ActorAsync(Charles)));
        Assert.Equal(12, (await ContributionRowsAsync(Ada)).Count);
    }

    [Fact]
    public async Task An_alias_naming_several_actors_matches_them_all()
    {
        var anna = new Actor("Anna Nowak", ActorKind.Person, "PL");
        var jan = new Actor("Jan Nowak", ActorKind.Person, "PL");
        await WriteAsync("nowak.txt", ("2022-03-01", [anna]), ("2022-03-02", [jan]), ("2022-03-02", [jan]), ("2022-03-03", [Ada]));

        var page = await Core.Get<EventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31)) { Actor = "nowak" }, CancellationToken.None);

        Assert.Equal([new ActorReference(jan.Id, "Jan Nowak"), new ActorReference(anna.Id, "Anna Nowak")], page.ResolvedActors);
        Assert.Equal(["2022-03-01", "2022-03-02", "2022-03-02"], page.Events.Select(e => e.Date));
    }

    [Fact]
    public async Task An_actor_is_found_by_its_title_and_its_aliases_are_kept()
    {
        await WriteAsync("title.txt", ("2022-03-01", [Ada]));

        var resolved = await Core.Get<ActorDirectory>().ResolveAsync("Countess Lovelace", CancellationToken.None);

        Assert.Equal(Ada.Id, Assert.Single(resolved).Id);
        Assert.Equal(["Ada Lovelace", "Lovelace", "Countess Ada Lovelace", "Countess Lovelace"], resolved[0].Aliases);
    }

    private static (int Count, string? First, string? Last) Totals(ActorRecord? actor) =>
        actor is null ? (-1, null, null) : (actor.Count, actor.FirstDate, actor.LastDate);
}
