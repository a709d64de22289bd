using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Which date an event gets, and the calendar period of a TIMEX3 value.</summary>
public class EventDatingTests
{
    private static EventDate DateOf(string text, string trigger) =>
        Assert.Single(SampleText.Extract(text).Events, e => e.Trigger == trigger).Date;

    [Fact]
    public void Nearest_date_in_the_sentence_dates_the_event()
    {
        var date = DateOf("The commander left Afghanistan on August 30, 2021.", "left");
        Assert.Equal(("2021-08-30", DateSource.Explicit, "August 30, 2021"), (date.Value, date.Source, date.Text));
    }

    [Fact]
    public void Relative_date_is_marked_relative()
    {
        Assert.Equal(DateSource.Relative, DateOf("On Saturday, Macron had spoken by phone.", "spoken").Source);
    }

    [Fact]
    public void Without_a_date_the_publication_date_is_used()
    {
        Assert.Equal(new EventDate("2022-02-06", DatePrecision.Day, SampleText.Published, SampleText.Published, DateSource.PublicationDate), DateOf("Biden orders the deployment.", "orders"));
    }

    [Theory]
    [InlineData("Biden ordered the deployment.", "ordered")]
    [InlineData("Russia has amassed troops near the border.", "amassed")]
    [InlineData("Officials said Papermaster had left the company.", "left")]
    [InlineData("The event was attended by 15,000 people.", "attended")]
    public void Without_a_date_a_past_or_perfect_verb_is_before_the_publication(string text, string trigger)
    {
        Assert.Equal(new EventDate("PAST_REF", DatePrecision.Day, SampleText.Published, SampleText.Published, DateSource.BeforePublication), DateOf(text, trigger));
    }

    [Theory]
    [InlineData("Macron will visit Moscow.", "visit")]
    [InlineData("Airliners are selected by the government.", "selected")]
    [InlineData("The plane can fly from London to Sydney.", "fly")]
    public void Without_a_date_a_present_or_modal_verb_is_on_the_publication_date(string text, string trigger)
    {
        Assert.Equal(DateSource.PublicationDate, DateOf(text, trigger).Source);
    }

    [Fact]
    public void A_date_in_a_complement_clause_does_not_date_the_governing_verb()
    {
        Assert.Equal(DateSource.PublicationDate, DateOf("The trial is set to begin on Wednesday in the Royal Courts of Justice.", "set").Source);
    }

    [Fact]
    public void A_date_outside_a_relative_clause_does_not_date_its_verb()
    {
        Assert.Equal(DateSource.PublicationDate, DateOf("The airline, which is the third largest in China, signed the agreement in Paris on June 15.", "is").Source);
    }

    [Fact]
    public void A_date_in_the_same_clause_wins_over_a_finer_one_in_a_relative_clause()
    {
        var date = DateOf("Apple has reached a 78 percent increase in its profits during the last quarter, which ended December 30, 2006.", "increase");
        Assert.Equal("2021-Q4", date.Value);
    }

    [Fact]
    public void A_date_fronted_before_the_subject_frames_the_main_clause()
    {
        Assert.Equal("2022-02-05", DateOf("On Saturday, Macron had also spoken by phone with Jens Stoltenberg, prior to his visit to Moscow this week.", "spoken").Value);
    }

    [Fact]
    public void Sentence_carrying_on_takes_the_previous_date()
    {
        var date = DateOf("Talks began on March 3, 2020. Then the delegates signed a deal.", "signed");
        Assert.Equal(("2020-03-03", DateSource.Relative), (date.Value, date.Source));
    }

    [Fact]
    public void Sentence_not_carrying_on_keeps_the_publication_date()
    {
        Assert.Equal(DateSource.BeforePublication, DateOf("Talks began on March 3, 2020. The delegates signed a deal.", "signed").Source);
    }

    [Fact]
    public void Durations_never_date_an_event()
    {
        Assert.Equal(DateSource.PublicationDate, DateOf("The squad can deploy within 18 hours.", "deploy").Source);
    }

    [Fact]
    public void Values_without_a_calendar_anchor_fall_back_to_publication()
    {
        Assert.Equal(DateSource.PublicationDate, DateOf("Apple recently cut prices.", "cut").Source);
    }

    [Theory]
    [InlineData("2022-02-07", DatePrecision.Day, "2022-02-07", "2022-02-07")]
    [InlineData("2022-W05", DatePrecision.Week, "2022-01-31", "2022-02-06")]
    [InlineData("2010-W04-WE", DatePrecision.Week, "2010-01-25", "2010-01-31")]
    [InlineData("2021-08", DatePrecision.Month, "2021-08-01", "2021-08-31")]
    [InlineData("2006-Q4", DatePrecision.Quarter, "2006-10-01", "2006-12-31")]
    [InlineData("2020-SP", DatePrecision.Quarter, "2020-03-01", "2020-05-31")]
    [InlineData("2017", DatePrecision.Year, "2017-01-01", "2017-12-31")]
    [InlineData("FY2008", DatePrecision.Year, "2008-01-01", "2008-12-31")]
    [InlineData("199", DatePrecision.Decade, "1990-01-01", "1999-12-31")]
    [InlineData("2009-12-15T18:00Z", DatePrecision.Day, "2009-12-15", "2009-12-15")]
    public void Value_covers_its_calendar_period(string value, DatePrecision precision, string start, string end)
    {
        var period = CalendarPeriod.FromValue(value);
        Assert.Equal(new CalendarPeriod(precision, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Theory]
    [InlineData("PAST_REF")]
    [InlineData("XXXX-08-30")]
    [InlineData("P3D")]
    public void Value_without_anchor_has_no_period(string value)
    {
        Assert.Null(CalendarPeriod.FromValue(value));
    }
}
