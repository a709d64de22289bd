using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Triggers, CAMEO types, modality and negation, one row per rule.</summary>
public class EventTriggerTests
{
    [Theory]
    // Verbs in any inflection and eventive nouns, typed by CAMEO root.
    [InlineData("The ministry said nothing.", "said", "01")]
    [InlineData("Macron will visit Moscow.", "visit", "04")]
    [InlineData("They held a 40-minute phone call.", "phone call", "04")]
    [InlineData("Both sides agreed on a plan.", "agreed", "05")]
    [InlineData("The charity donated food.", "donated", "07")]
    [InlineData("Police are investigating the fire.", "investigating", "09")]
    [InlineData("The union criticized the plan.", "criticized", "11")]
    [InlineData("Moscow rejected the offer.", "rejected", "12")]
    [InlineData("Workers threatened a strike.", "threatened", "13")]
    [InlineData("Russia has massed troops.", "massed", "15")]
    [InlineData("New sanctions hit the economy.", "sanctions", "16")]
    [InlineData("Police arrested two men.", "arrested", "17")]
    [InlineData("Gunmen attacked a convoy.", "attacked", "18")]
    [InlineData("They fear an invasion.", "invasion", "19")]
    [InlineData("Jobs spoke at the Worldwide Developers Conference.", "Conference", "04")]
    // Untyped events: financial and movement verbs, main-verb "be", and -ed/-ing shapes.
    [InlineData("Shares rose sharply.", "rose", null)]
    [InlineData("It is the biggest contract.", "is", null)]
    [InlineData("The jet was refitted last year.", "refitted", null)]
    public void Recognizes_trigger(string sentence, string trigger, string? code)
    {
        var e = Assert.Single(SampleText.Extract(sentence).Events, e => e.Trigger == trigger);
        Assert.Equal(code, e.Type?.Code);
    }

    [Theory]
    [InlineData("The jet has begun tests.", "has")]
    [InlineData("Rivals have unexpectedly defeated Boeing.", "have")]
    [InlineData("Troops are expected to arrive.", "are")]
    [InlineData("US forces moved.", "forces")]
    [InlineData("The Shuffle launched during the morning.", "during")]
    public void Skips_auxiliaries_and_lookalikes(string sentence, string word)
    {
        Assert.DoesNotContain(SampleText.Extract(sentence).Events, e => e.Trigger == word);
    }

    [Theory]
    [InlineData("Macron is due to visit Russia.", "visit", Modality.Planned, false)]
    [InlineData("The troops will arrive soon.", "arrive", Modality.Planned, false)]
    [InlineData("The squad can deploy quickly.", "deploy", Modality.Possible, false)]
    [InlineData("Moscow denies its intention to invade Ukraine.", "invade", Modality.Denied, true)]
    [InlineData("Russia has no intention of invading.", "invading", Modality.Denied, true)]
    [InlineData("The minister did not attend.", "attend", Modality.Asserted, true)]
    [InlineData("The minister didn't attend.", "attend", Modality.Asserted, true)]
    [InlineData("The minister attended.", "attended", Modality.Asserted, false)]
    public void Reads_modality_and_negation(string sentence, string trigger, Modality modality, bool negated)
    {
        var e = Assert.Single(SampleText.Extract(sentence).Events, e => e.Trigger == trigger);
        Assert.Equal((modality, negated), (e.Modality, e.Negated));
    }
}
