using Ingestion.Core.Actors;
using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>Actors over HTTP on the local host, against the sample articles: alias resolution on events and summaries, and the actor search.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ActorApiTests(SamplesHostFixture host) : IClassFixture<SamplesHostFixture>
{
    private const string SeedDays = "from=2022-02-05&to=2022-02-07";
    private const string MacronId = "person:emmanuel-macron";

    private static bool Takes(EventRecord e, string actorId) => e.Actors.Concat(e.Targets).Any(a => a.Id == actorId);

    [Theory]
    [InlineData("Macron")]
    [InlineData("macron")]
    [InlineData("President%20Macron")]
    [InlineData("EMMANUEL%20MACRON")]
    [InlineData("Emmanuel%20Macr%C3%B3n")]
    [InlineData(MacronId)]
    public async Task Actor_by_any_alias_returns_the_actors_events_and_says_whom_it_resolved_to(string actor)
    {
        // Every event, coded or not: the alias must find each event Macron takes part in.
        var all = await host.GetEventsAsync($"{SeedDays}&coded=any&limit=1000");

        var page = await host.GetEventsAsync($"{SeedDays}&actor={actor}&coded=any&limit=1000");

        Assert.Equal([new ActorReference(MacronId, "Emmanuel Macron")], page.ResolvedActors);
        Assert.True(page.Events.Count >= 10, $"{page.Events.Count} events");
        Assert.All(page.Events, e => Assert.Equal(Articles.Seed, e.Article.Name));
        Assert.Equal(all.Events.Where(e => Takes(e, MacronId)).Select(e => e.Id), page.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Event_actors_carry_their_ids()
    {
        var page = await host.GetEventsAsync($"{SeedDays}&coded=any&limit=1000");

        Assert.All(page.Events.SelectMany(e => e.Actors.Concat(e.Targets)), a => Assert.Equal(ActorIdentity.Id(a), a.Id));
        Assert.Contains(page.Events, e => Takes(e, MacronId));
        Assert.Contains(page.Events, e => Takes(e, "organization:nato"));
    }

    [Fact]
    public async Task Unknown_actor_matches_nothing_and_resolves_to_no_one()
    {
        var page = await host.GetEventsAsync($"{SeedDays}&actor=Nobody%20Atall");
        var summary = await host.GetAsync<EventSummary>($"/api/events/summary?{SeedDays}&actor=Nobody%20Atall");

        Assert.Empty(page.Events);
        Assert.Equal([], page.ResolvedActors);
        Assert.Equal(0, summary.Buckets.Sum(b => b.Count));
        Assert.Equal([], summary.ResolvedActors);
    }

    [Fact]
    public async Task Summary_by_alias_counts_the_actors_events_and_groups_actors_by_id_with_their_names()
    {
        var events = (await host.GetEventsAsync($"{SeedDays}&limit=1000")).Events;

        var byDay = await host.GetAsync<EventSummary>($"/api/events/summary?{SeedDays}&actor=macron&groupBy=day");
        var byActor = await host.GetAsync<EventSummary>($"/api/events/summary?{SeedDays}&groupBy=actor");

        Assert.Equal([new ActorReference(MacronId, "Emmanuel Macron")], byDay.ResolvedActors);
        Assert.Equal(events.Count(e => Takes(e, MacronId)), byDay.Buckets.Sum(b => b.Count));
        var macron = Assert.Single(byActor.Buckets, b => b.Key == MacronId);
        Assert.Equal(("Emmanuel Macron", events.Count(e => Takes(e, MacronId))), (macron.Label, macron.Count));
        Assert.Null(byActor.ResolvedActors);
    }

    [Fact]
    public async Task Search_mac_lists_Emmanuel_Macron_first_with_his_identity_and_counts()
    {
        var all = new List<EventRecord>();
        foreach (var sample in Directory.GetFiles(Articles.SamplesFolder).Select(Path.GetFileName))
        {
            all.AddRange((await host.GetAsync<ArticleDetails>($"/api/articles/{Uri.EscapeDataString(sample!)}")).Events);
        }
        var inRange = (await host.GetEventsAsync($"{SeedDays}&limit=1000")).Events;

        var found = (await host.GetAsync<ActorsResponse>("/api/actors?search=mac")).Actors;
        var ranged = (await host.GetAsync<ActorsResponse>($"/api/actors?search=MAC&{SeedDays}")).Actors;

        var macron = found[0];
        Assert.Equal((MacronId, "Emmanuel Macron", Ingestion.Core.Extraction.ActorKind.Person, "FR"), (macron.Id, macron.Name, macron.Kind, macron.CountryCode));
        Assert.Contains("Macron", macron.Aliases);
        Assert.Contains("President Macron", macron.Aliases);
        var dates = all.Where(e => Takes(e, MacronId)).Select(e => e.Date).Order(StringComparer.Ordinal).ToList();
        Assert.Equal((dates.Count, dates[0], dates[^1]), (macron.Count, macron.FirstDate, macron.LastDate));
        Assert.Equal(MacronId, ranged[0].Id);
        Assert.Equal(inRange.Count(e => Takes(e, MacronId)), ranged[0].Count);
        Assert.All(found, a => Assert.Contains(a.Aliases, alias => ActorIdentity.Normalize(alias).Split(' ').Any(word => word.StartsWith("mac", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Search_by_a_later_word_or_a_gazetteer_name_finds_the_actor()
    {
        var byWord = (await host.GetAsync<ActorsResponse>("/api/actors?search=president%20mac")).Actors;
        var byLongName = (await host.GetAsync<ActorsResponse>("/api/actors?search=north%20atlantic")).Actors;
        var byAcronym = (await host.GetAsync<ActorsResponse>("/api/actors?search=nat")).Actors;

        Assert.Equal(MacronId, Assert.Single(byWord).Id);
        Assert.Equal("organization:nato", Assert.Single(byLongName).Id);
        Assert.Contains(byAcronym, a => a.Id == "organization:nato");
    }

    [Fact]
    public async Task Without_search_the_range_lists_its_actors_by_their_events_in_it()
    {
        var events = (await host.GetEventsAsync($"{SeedDays}&limit=1000")).Events;
        var expected = events.SelectMany(e => e.Actors.Concat(e.Targets).Select(a => a.Id).Distinct()).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        var top = (await host.GetAsync<ActorsResponse>($"/api/actors?{SeedDays}&limit=5")).Actors;

        Assert.Equal(5, top.Count);
        Assert.Equal(expected.Values.OrderDescending().Take(5), top.Select(a => a.Count));
        Assert.All(top, a => Assert.Equal(expected[a.Id], a.Count));
    }
}
