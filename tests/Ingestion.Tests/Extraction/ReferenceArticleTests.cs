using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Acceptance on the reference article (sample-articles/000_40f01add132810ba.txt, published 2022-02-06).</summary>
public class ReferenceArticleTests
{
    private static readonly Lazy<ExtractionResult> Result = new(() =>
    {
        var article = SampleArticle.Read("000_40f01add132810ba.txt");
        return RuleBasedEventExtractor.Shared.Extract(article.Text, article.PublicationDate);
    });

    private static IEnumerable<ExtractedEvent> Events => Result.Value.Events;

    private static bool HasActor(ExtractedEvent e, string name) => e.Actors.Any(a => a.Name.Contains(name, StringComparison.Ordinal));

    [Fact]
    public void Macron_and_Stoltenberg_spoke_by_phone_on_Saturday()
    {
        Assert.Contains(Events, e => e.Type?.Code == "04" && e.Date.Value == "2022-02-05" && HasActor(e, "Macron") && HasActor(e, "Jens Stoltenberg"));
    }

    [Fact]
    public void Biden_and_Macron_call_is_dated_on_publication_day()
    {
        Assert.Contains(Events, e => e.Trigger.Contains("call", StringComparison.Ordinal) && e.Date.Start == new DateOnly(2022, 2, 6) && HasActor(e, "Biden") && HasActor(e, "Macron"));
    }

    [Fact]
    public void Us_forces_arrive_in_Poland_on_Sunday()
    {
        Assert.Contains(Events, e => e.Trigger.StartsWith("arriv", StringComparison.Ordinal) && e.Date.Value == "2022-02-06"
            && e.Date.Source == DateSource.Relative && e.Places.Any(p => p.CountryCode == "PL") && e.Actors.Any(a => a.CountryCode == "US"));
    }

    [Fact]
    public void Macron_visit_to_Russia_is_planned_for_Monday()
    {
        Assert.Contains(Events, e => e.Trigger == "visit" && e.Date.Value == "2022-02-07" && e.Modality == Modality.Planned
            && e.Targets.Concat(e.Places.Select(p => new Actor(p.Name, ActorKind.Country, p.CountryCode))).Any(t => t.CountryCode == "RU"));
    }

    [Theory]
    [InlineData("coordinate")]
    [InlineData("heading")]
    public void Macron_heads_to_Moscow_on_the_coming_Monday(string trigger)
    {
        var e = Assert.Single(Events, e => e.Trigger == trigger && e.Sentence.Contains("Moscow", StringComparison.Ordinal));
        Assert.Equal("2022-02-07", e.Date.Value);
    }

    [Fact]
    public void Donahue_left_Afghanistan_on_August_30_2021()
    {
        Assert.Contains(Events, e => e.Trigger == "leave" && e.Date.Value == "2021-08-30" && HasActor(e, "Christopher Donahue")
            && e.Targets.Concat(e.Places.Select(p => new Actor(p.Name, ActorKind.Country, p.CountryCode))).Any(t => t.CountryCode == "AF"));
    }

    [Fact]
    public void Earlier_in_the_week_is_the_publication_week()
    {
        var transported = Assert.Single(Events, e => e.Trigger == "transported" && e.Sentence.StartsWith("Earlier", StringComparison.Ordinal));
        Assert.Equal(("2022-W05", DatePrecision.Week, new DateOnly(2022, 1, 31), new DateOnly(2022, 2, 6)), (transported.Date.Value, transported.Date.Precision, transported.Date.Start, transported.Date.End));
    }

    [Theory]
    [InlineData("stationed", "since 2017", "2017")]
    [InlineData("dates", "dates back to 1917", "1917")]
    public void Years_date_their_events(string trigger, string sentenceFragment, string year)
    {
        var e = Assert.Single(Events, e => e.Trigger == trigger && e.Sentence.Contains(sentenceFragment, StringComparison.Ordinal));
        Assert.Equal((year, DatePrecision.Year, DateSource.Explicit), (e.Date.Value, e.Date.Precision, e.Date.Source));
    }

    [Theory]
    [InlineData("18 hours", "PT18H")]
    [InlineData("40-minute", "PT40M")]
    public void Durations_are_durations_and_date_no_event(string text, string value)
    {
        var timex = Assert.Single(Result.Value.Timexes, t => t.Text == text);
        Assert.Equal((TimexType.Duration, value), (timex.Type, timex.Value));
        Assert.DoesNotContain(Events, e => e.Date.Text == text);
    }

    [Fact]
    public void Moscow_denies_intention_to_invade()
    {
        var invade = Assert.Single(Events, e => e.Trigger == "invade");
        Assert.Equal((Modality.Denied, true), (invade.Modality, invade.Negated));
    }

    [Fact]
    public void Titled_person_gets_name_title_and_country()
    {
        var hailed = Assert.Single(Events, e => e.Trigger == "hailed");
        Assert.Contains(hailed.Actors, a => (a.Name, a.Kind, a.CountryCode, a.Title) == ("Mariusz Blasak", ActorKind.Person, "PL", "Defense Minister"));
    }

    [Fact]
    public void Russia_amassed_the_troops_not_Macron()
    {
        var amassed = Assert.Single(Events, e => e.Trigger == "amassed");
        Assert.Equal(["Russia"], amassed.Actors.Select(a => a.Name));
    }

    [Fact]
    public void Russia_insists_and_would_be_the_one_invading_Ukraine()
    {
        Assert.Equal(["Russia"], Assert.Single(Events, e => e.Trigger == "insists").Actors.Select(a => a.Name));
        var invading = Assert.Single(Events, e => e.Trigger == "invading");
        Assert.Equal(["Russia"], invading.Actors.Select(a => a.Name));
        Assert.Equal(["Ukraine"], invading.Targets.Select(a => a.Name));
    }

    [Fact]
    public void Polish_soldiers_served_and_the_spokesman_only_speaks()
    {
        var served = Assert.Single(Events, e => e.Trigger == "served");
        var soldiers = Assert.Single(served.Actors);
        Assert.Equal(("PL", "MIL"), (soldiers.CountryCode, soldiers.Role));
        Assert.DoesNotContain(served.Actors.Concat(served.Targets), a => a.Name.Contains("Lipczynski", StringComparison.Ordinal) || a.Name.Contains("Army", StringComparison.Ordinal));
    }

    [Fact]
    public void Deployment_order_counts_soldiers()
    {
        Assert.Contains(Events, e => e.Quantities.Contains(new Quantity(1700, "soldiers", "1,700 soldiers")));
    }

    [Theory]
    [InlineData("are")]
    [InlineData("is")]
    [InlineData("has")]
    [InlineData("mechanized")]
    [InlineData("housing")]
    public void Copulas_auxiliaries_and_adjectives_are_not_coded_events(string word)
    {
        Assert.DoesNotContain(Events, e => e.Coded && e.Trigger.Equals(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Russia_amassing_troops_is_not_dated_the_day_of_the_visit()
    {
        var amassed = Assert.Single(Events, e => e.Trigger == "amassed");
        Assert.Equal(DateSource.BeforePublication, amassed.Date.Source);
        Assert.NotEqual("2022-02-07", amassed.Date.Value);
    }
}
