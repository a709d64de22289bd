using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>CAMEO event codes from the lexicon and the coding rules in context, one row per rule.</summary>
public class CameoCodingTests
{
    [Theory]
    // The lexicon's 3-digit codes, verbs and nouns (event-verbs.tsv, event-nouns.tsv).
    [InlineData("Macron will visit Moscow.", "visit", "042")]
    [InlineData("Police arrested two men.", "arrested", "173")]
    [InlineData("An air strike hit the city.", "air strike", "195")]
    [InlineData("Ukraine ratified the agreement.", "ratified", "057")]
    // A controlled complement takes the controlling verb's class (control-verbs.tsv, cameo-embedding.tsv).
    [InlineData("Obama wants to attack Switzerland.", "attack", "138")]
    [InlineData("Congress is asking Obama to help Iran.", "help", "023")]
    [InlineData("Qatar has pledged to expel the leaders.", "expel", "174")]
    // A verb and its object noun are one event (verb-objects.tsv).
    [InlineData("The United States launched an air strike.", "launched", "195")]
    [InlineData("Georgian demonstrators launched missiles at the government.", "launched", "194")]
    [InlineData("The general held talks with the president.", "held", "046")]
    [InlineData("Obama has agreed to lift the sanctions on Iran.", "lift", "085")]
    // A statement reporting that another party used force is an accusation (class statement of cameo-embedding.tsv).
    [InlineData("The US said that Iraq had attacked Syria.", "said", "112")]
    // A negated cooperative event is a rejection (cameo-negation.tsv).
    [InlineData("Obama said he would not provide support to Israel.", "provide", "121")]
    public void Event_gets_its_code(string text, string trigger, string code)
    {
        var e = SampleText.Event(text, trigger);
        Assert.Equal((code, code[..2]), (e.EventCode, e.Type?.Code));
    }

    [Theory]
    // The controlling verb is not an event of its own.
    [InlineData("Qatar has pledged to expel the leaders.", "pledged")]
    // A statement verb reporting another coded event is attribution.
    [InlineData("Israel freed the mayor, Palestinian officials said.", "said")]
    // The object noun of a coded verb, and an eventive noun after a background preposition (background-prepositions.txt).
    [InlineData("The United States launched an air strike.", "air strike")]
    [InlineData("Rwanda accused France of genocide.", "genocide")]
    [InlineData("Trade was halted after the invasion.", "invasion")]
    // A verb-only word read as a noun.
    [InlineData("The deal was forced on the wealthy Gulf state by its neighbours.", "state")]
    public void Word_is_left_untyped(string text, string trigger)
    {
        Assert.Null(SampleText.Event(text, trigger).EventCode);
    }

    [Fact]
    public void A_statement_verb_alone_is_a_statement()
    {
        Assert.Equal("010", SampleText.Event("The ministry said nothing.", "said").EventCode);
    }

    [Fact]
    public void An_event_is_coded_with_a_type_and_an_actor()
    {
        Assert.True(SampleText.Event("Russia attacked Ukraine.", "attacked").Coded);
        Assert.False(SampleText.Event("There was a meeting.", "was").Coded);
    }

    [Theory]
    [InlineData("US", "USA")]
    [InlineData("PS", "PSE")]
    [InlineData("RU", "RUS")]
    public void Actor_codes_are_alpha3_countries(string alpha2, string code)
    {
        Assert.Equal(code, CameoActorCodes.Of(new Actor("x", ActorKind.Country, alpha2)));
    }

    [Fact]
    public void International_bodies_are_igo()
    {
        Assert.Equal("IGO", CameoActorCodes.Of(new Actor("United Nations", ActorKind.Organization)));
    }
}
