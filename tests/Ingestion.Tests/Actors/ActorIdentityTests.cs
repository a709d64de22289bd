using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;
using Ingestion.Tests.Extraction;

namespace Ingestion.Tests.Actors;

/// <summary>Alias normalisation, actor ids and the aliases an actor is found by.</summary>
public class ActorIdentityTests
{
    [Theory]
    [InlineData("Emmanuel Macron", "emmanuel macron")]
    [InlineData("  PRESIDENT   Macron ", "president macron")]
    [InlineData("Président Macron", "president macron")]
    [InlineData("Rzeszów-Jasionka", "rzeszow jasionka")]
    [InlineData("Łukasz Błaszczak", "lukasz blaszczak")]
    [InlineData("Recep Tayyip Erdoğan", "recep tayyip erdogan")]
    [InlineData("U.N.", "u n")]
    [InlineData("Côte d’Ivoire", "cote divoire")]
    [InlineData("NATO’s", "natos")]
    [InlineData(" -!- ", "")]
    public void Names_are_matched_without_case_accents_or_punctuation(string name, string normalized) =>
        Assert.Equal(normalized, ActorIdentity.Normalize(name));

    [Fact]
    public void Ids_derive_from_kind_and_canonical_name_a_countrys_code_and_a_role()
    {
        Assert.Equal("person:emmanuel-macron", new Actor("Emmanuel Macron", ActorKind.Person, "FR", "President").Id);
        Assert.Equal("organization:nato", new Actor("NATO", ActorKind.Organization).Id);
        Assert.Equal("country:us", new Actor("United States", ActorKind.Country, "US").Id);
        Assert.Equal("country:fr:gov", new Actor("France", ActorKind.Country, "FR", Role: "GOV").Id);
        Assert.Equal("person:lukasz-blaszczak", new Actor("Łukasz Błaszczak", ActorKind.Person).Id);
    }

    [Fact]
    public void Ids_of_names_without_letters_or_too_long_for_a_key_are_cut_and_hashed()
    {
        var symbols = new Actor("&", ActorKind.Organization).Id;
        var longName = new Actor(string.Join(' ', Enumerable.Repeat("Very Long Name", 100)), ActorKind.Organization).Id;
        var otherLongName = new Actor(string.Join(' ', Enumerable.Repeat("Very Long Name", 101)), ActorKind.Organization).Id;

        Assert.Matches("^organization:[0-9a-f]{16}$", symbols);
        Assert.InRange(longName.Length, 100, 220);
        Assert.NotEqual(longName, otherLongName);
    }

    [Theory]
    [InlineData("person:emmanuel-macron", true)]
    [InlineData("country:fr:gov", true)]
    [InlineData("Emmanuel Macron", false)]
    [InlineData("person: macron", false)]
    [InlineData("planet:mars", false)]
    public void Only_kind_colon_name_is_taken_for_an_id(string text, bool isId) =>
        Assert.Equal(isId, ActorIdentity.LooksLikeId(text));

    [Fact]
    public void The_same_actor_named_differently_in_two_articles_has_one_id()
    {
        var first = SampleText.Extract("President Macron spoke with Biden. The North Atlantic Treaty Organization met.");
        var second = SampleText.Extract("Emmanuel Macron met Joseph Biden. NATO met.");

        var firstIds = first.Events.SelectMany(e => e.Actors.Concat(e.Targets)).Select(a => a.Id).ToHashSet();
        var secondIds = second.Events.SelectMany(e => e.Actors.Concat(e.Targets)).Select(a => a.Id).ToHashSet();

        Assert.Contains("person:emmanuel-macron", firstIds);
        Assert.Contains("person:joe-biden", firstIds);
        Assert.Contains("organization:nato", firstIds);
        Assert.Superset(firstIds, secondIds);
    }

    [Fact]
    public void A_person_is_found_by_canonical_name_surname_and_title()
    {
        var aliases = ActorAliases.Shared.Of(new Actor("Emmanuel Macron", ActorKind.Person, "FR"), ["President"]);

        Assert.Equal(["Emmanuel Macron", "Macron", "President Emmanuel Macron", "President Macron"], aliases);
    }

    [Fact]
    public void Gazetteer_names_and_acronyms_and_a_capital_are_aliases()
    {
        var nato = ActorAliases.Shared.Of(new Actor("NATO", ActorKind.Organization), []);
        var us = ActorAliases.Shared.Of(new Actor("United States", ActorKind.Country, "US"), []);
        var zelensky = ActorAliases.Shared.Of(new Actor("Volodymyr Zelensky", ActorKind.Person, "UA"), []);

        Assert.Contains("North Atlantic Treaty Organization", nato);
        Assert.Contains("US", us);
        Assert.Contains("America", us);
        Assert.Contains("Washington", us);
        // "U.S." and "USA" differ from "US" once normalized ("u s", "usa"); "U.S.A." is "u s a".
        Assert.Contains("U.S.", us);
        Assert.Contains("Zelenskyy", zelensky);
    }

    [Fact]
    public void Unknown_names_are_their_own_only_alias()
    {
        Assert.Equal(["Polish Army"], ActorAliases.Shared.Of(new Actor("Polish Army", ActorKind.Organization, "PL"), []));
    }

    [Fact]
    public void Search_keys_start_at_each_word_of_an_alias()
    {
        Assert.Equal(["president emmanuel macron", "emmanuel macron", "macron"], ActorKeys.WordSuffixes("president emmanuel macron"));
        Assert.Equal(["nato"], ActorKeys.WordSuffixes("nato"));
    }

    [Fact]
    public void An_articles_contribution_counts_each_event_once_per_actor_with_its_date_span_and_titles()
    {
        var contributions = new ActorContributions();
        var macron = new Actor("Emmanuel Macron", ActorKind.Person, "FR", "President");
        contributions.Add(Event("2022-02-06", [macron], [macron with { Title = null }]));
        contributions.Add(Event("2022-02-05", [macron with { Title = null }], [new Actor("NATO", ActorKind.Organization)]));
        contributions.Add(Event("2022-02-07", [new Actor("NATO", ActorKind.Organization)], []));

        var byId = contributions.All.ToDictionary(c => c.Actor.Id);

        Assert.Equal((2, "2022-02-05", "2022-02-06"), (byId["person:emmanuel-macron"].Count, byId["person:emmanuel-macron"].FirstDate, byId["person:emmanuel-macron"].LastDate));
        Assert.Equal(["President"], byId["person:emmanuel-macron"].Titles);
        Assert.Null(byId["person:emmanuel-macron"].Actor.Title);
        Assert.Equal((2, "2022-02-05", "2022-02-07"), (byId["organization:nato"].Count, byId["organization:nato"].FirstDate, byId["organization:nato"].LastDate));
    }

    private static EventRecord Event(string date, IReadOnlyList<Actor> actors, IReadOnlyList<Actor> targets) => new(
        $"{date}/x", date, date, DatePrecision.Day, DateSource.Explicit, null, null, "met", Modality.Asserted, false, actors, targets, [], [], "…",
        new ArticleReference("a.txt", date, Ingestion.Core.Articles.PublicationDateSource.Header), "test");
}
