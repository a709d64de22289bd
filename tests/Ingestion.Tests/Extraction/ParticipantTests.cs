using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Actors, targets, places and quantities attached to events.</summary>
public class ParticipantTests
{
    private static ExtractedEvent Event(string sentence, string trigger) =>
        Assert.Single(SampleText.Extract(sentence).Events, e => e.Trigger == trigger);

    /// <summary>What an actor says about who it is, without where it was mentioned.</summary>
    private static (string Name, ActorKind Kind, string? Country, string? Title, string? Role) Party(Actor a) => (a.Name, a.Kind, a.CountryCode, a.Title, a.Role);

    private static List<string> Names(IEnumerable<Actor> actors) => [.. actors.Select(a => a.Name)];

    [Fact]
    public void Active_subject_is_the_actor_and_object_the_target()
    {
        var e = Event("Russia attacked Ukraine.", "attacked");
        Assert.Equal(["Russia"], Names(e.Actors));
        Assert.Equal(["Ukraine"], Names(e.Targets));
    }

    [Fact]
    public void Passive_subject_is_the_target_and_by_agent_the_actor()
    {
        var e = Event("Ukraine was attacked by Russia.", "attacked");
        Assert.Equal(["Russia"], Names(e.Actors));
        Assert.Equal(["Ukraine"], Names(e.Targets));
    }

    [Theory]
    [InlineData("Russia attacked Ukraine, Joe Biden said.")]
    [InlineData("Russia attacked Ukraine, said Joe Biden.")]
    public void Speaker_is_the_actor_of_the_statement_only(string sentence)
    {
        var events = SampleText.Extract(sentence).Events;
        Assert.Equal(["Joe Biden"], Names(Assert.Single(events, e => e.Trigger == "said").Actors));
        var attacked = Assert.Single(events, e => e.Trigger == "attacked");
        Assert.Equal(["Russia"], Names(attacked.Actors));
        Assert.Equal(["Ukraine"], Names(attacked.Targets));
    }

    [Fact]
    public void Source_named_with_according_to_is_no_participant()
    {
        var e = Event("Russia attacked Ukraine, according to NATO.", "attacked");
        Assert.Equal(["Russia"], Names(e.Actors));
        Assert.Equal(["Ukraine"], Names(e.Targets));
    }

    [Fact]
    public void Subject_of_a_relative_clause_is_the_noun_it_describes()
    {
        var e = Event("Macron will visit Russia, which has amassed troops near the border.", "amassed");
        Assert.Equal(["Russia"], Names(e.Actors));
    }

    [Fact]
    public void Coordinated_subjects_are_all_actors()
    {
        Assert.Equal(["Joe Biden", "Emmanuel Macron"], Names(Event("Joe Biden and Emmanuel Macron condemned Russia.", "condemned").Actors));
    }

    [Fact]
    public void Coordinated_verb_shares_the_subject_and_keeps_its_own_object()
    {
        var events = SampleText.Extract("Russia massed troops and threatened Ukraine.").Events;
        var threatened = Assert.Single(events, e => e.Trigger == "threatened");
        Assert.Equal(["Russia"], Names(threatened.Actors));
        Assert.Equal(["Ukraine"], Names(threatened.Targets));
        Assert.DoesNotContain("Ukraine", Names(Assert.Single(events, e => e.Trigger == "massed").Targets));
    }

    [Fact]
    public void Participants_stay_with_their_own_clause()
    {
        var events = SampleText.Extract("Russia attacked Ukraine and Joe Biden condemned the attack.").Events;
        Assert.Equal(["Russia"], Names(Assert.Single(events, e => e.Trigger == "attacked").Actors));
        Assert.Equal(["Joe Biden"], Names(Assert.Single(events, e => e.Trigger == "condemned").Actors));
    }

    [Theory]
    [InlineData("Polish soldiers served in Iraq.", "served", "Polish soldiers", "PL", "MIL")]
    [InlineData("The police arrested three men.", "arrested", "police", null, "COP")]
    [InlineData("Opposition councillors rejected the budget.", "rejected", "Opposition councillors", null, "OPP")]
    [InlineData("The bank chief resigned on Monday.", "resigned", "bank chief", null, "BUS")]
    [InlineData("The Russian government denied the report.", "denied", "Russian government", "RU", "GOV")]
    public void Role_nouns_are_actors_with_a_role_code(string sentence, string trigger, string name, string? country, string role)
    {
        var actor = Assert.Single(Event(sentence, trigger).Actors);
        Assert.Equal((name, country, role), (actor.Name, actor.CountryCode, actor.Role));
        Assert.Equal(name, sentence[actor.MentionStart!.Value..actor.MentionEnd!.Value].Replace("The ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Pronoun_takes_the_last_person_named_and_keeps_its_own_span()
    {
        const string Text = "Mariusz Blasak arrived in Warsaw. He confirmed the talks.";
        var confirmed = Assert.Single(SampleText.Extract(Text).Events, e => e.Trigger == "confirmed");
        var actor = Assert.Single(confirmed.Actors);
        Assert.Equal("Mariusz Blasak", actor.Name);
        Assert.Equal("He", Text[actor.MentionStart!.Value..actor.MentionEnd!.Value]);
    }

    [Fact]
    public void The_company_is_the_company_named_before()
    {
        var events = SampleText.Extract("General Motors cut 3,700 jobs. The company said sales had fallen.").Events;
        Assert.Equal(["General Motors"], Names(Assert.Single(events, e => e.Trigger == "said").Actors));
    }

    [Fact]
    public void With_joins_the_actors_of_a_meeting()
    {
        var e = Event("Macron spoke with Jens Stoltenberg.", "spoke");
        Assert.Equal(["Emmanuel Macron", "Jens Stoltenberg"], e.Actors.Select(a => a.Name));
    }

    [Fact]
    public void Title_in_apposition_belongs_to_the_person_before_it()
    {
        var e = Event("Jens Stoltenberg, Secretary-General of NATO, spoke.", "spoke");
        Assert.Contains(("Jens Stoltenberg", ActorKind.Person, (string?)null, (string?)"Secretary-General", (string?)null), e.Actors.Select(Party));
    }

    [Fact]
    public void Capital_as_actor_stands_for_its_country()
    {
        Assert.Contains(("Russia", ActorKind.Country, (string?)"RU", (string?)null, (string?)null), Event("Moscow rejected the offer.", "rejected").Actors.Select(Party));
    }

    [Fact]
    public void Locations_after_locative_prepositions_are_places()
    {
        var e = Event("US forces are arriving in southeastern Poland.", "arriving");
        Assert.Equal([("Poland", "PL")], e.Places.Select(p => (p.Name, p.CountryCode)));
    }

    [Fact]
    public void Demonym_qualifying_a_person_is_not_a_second_actor()
    {
        var e = Event("Polish Defense Minister Mariusz Blasak hailed the deployment.", "hailed");
        Assert.Equal([("Mariusz Blasak", ActorKind.Person, (string?)"PL", (string?)"Defense Minister", (string?)"GOV")], e.Actors.Select(Party));
    }

    [Theory]
    [InlineData("Biden ordered them to deploy 1,700 soldiers there.", "deploy", 1700, "soldiers", "1,700 soldiers")]
    [InlineData("Russia has massed about 100,000 of its forces.", "massed", 100000, "forces", "about 100,000 of its forces")]
    [InlineData("About 4,000 US soldiers have been stationed there.", "stationed", 4000, "soldiers", "About 4,000 US soldiers")]
    [InlineData("The airline ordered 2.5 million tonnes of fuel.", "ordered", 2500000, "tonnes", "2.5 million tonnes")]
    public void Counts_things(string sentence, string trigger, double value, string unit, string text)
    {
        Assert.Contains(new Quantity((decimal)value, unit, text), Event(sentence, trigger).Quantities);
    }
}
