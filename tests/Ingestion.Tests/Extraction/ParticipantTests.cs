using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Actors, targets, places and quantities attached to events.</summary>
public class ParticipantTests
{
    private static ExtractedEvent Event(string sentence, string trigger) =>
        Assert.Single(SampleText.Extract(sentence).Events, e => e.Trigger == trigger);

    [Fact]
    public void Names_before_the_trigger_are_actors_and_after_it_targets()
    {
        var e = Event("Russia attacked Ukraine.", "attacked");
        Assert.Equal(["Russia"], e.Actors.Select(a => a.Name));
        Assert.Equal(["Ukraine"], e.Targets.Select(a => a.Name));
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
        Assert.Contains(new Actor("Jens Stoltenberg", ActorKind.Person, null, "Secretary-General"), e.Actors);
    }

    [Fact]
    public void Capital_as_actor_stands_for_its_country()
    {
        Assert.Contains(new Actor("Russia", ActorKind.Country, "RU"), Event("Moscow rejected the offer.", "rejected").Actors);
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
        Assert.Equal([new Actor("Mariusz Blasak", ActorKind.Person, "PL", "Defense Minister")], e.Actors);
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
