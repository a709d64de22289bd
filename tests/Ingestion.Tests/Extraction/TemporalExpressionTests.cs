using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>One row per temporal rule: the sentence, its publication date, and the expression with its TIMEX3 value.</summary>
public class TemporalExpressionTests
{
    [Theory]
    // Explicit dates.
    [InlineData("The plant opened on August 30, 2021.", "2022-02-06", "August 30, 2021", TimexType.Date, "2021-08-30")]
    [InlineData("It was signed on 11 December 2009.", "2010-01-25", "11 December 2009", TimexType.Date, "2009-12-11")]
    [InlineData("The photo is dated 7/8/07.", "2007-07-09", "7/8/07", TimexType.Date, "2007-07-08")]
    [InlineData("Deliveries start in November 2006.", "2005-11-05", "November 2006", TimexType.Date, "2006-11")]
    [InlineData("The band dates back to 1917.", "2022-02-06", "1917", TimexType.Date, "1917")]
    // Month and day without a year: the nearest such day, leaning with the tense.
    [InlineData("The last soldier left on August 30.", "2022-02-06", "August 30", TimexType.Date, "2021-08-30")]
    [InlineData("The launch is set for October 12.", "2005-10-04", "October 12", TimexType.Date, "2005-10-12")]
    [InlineData("It said sales fell in June.", "2009-07-30", "June", TimexType.Date, "2009-06")]
    [InlineData("The Shuffle was introduced in January.", "2005-09-07", "January", TimexType.Date, "2005-01")]
    // Weekdays: past tense looks back, future and "due to" look ahead, the publication day itself counts.
    [InlineData("On Saturday, Macron had spoken by phone.", "2022-02-06", "Saturday", TimexType.Date, "2022-02-05")]
    [InlineData("On Monday, Macron is due to visit Russia.", "2022-02-06", "Monday", TimexType.Date, "2022-02-07")]
    [InlineData("He will visit on Wednesday.", "2006-03-28", "Wednesday", TimexType.Date, "2006-03-29")]
    [InlineData("Forces are arriving on Sunday.", "2022-02-06", "Sunday", TimexType.Date, "2022-02-06")]
    [InlineData("The flight landed on Friday morning.", "2010-07-17", "Friday morning", TimexType.Time, "2010-07-16TMO")]
    // Relative to the publication date.
    [InlineData("Shares rose yesterday.", "2010-06-08", "Yesterday", TimexType.Date, "2010-06-07")]
    [InlineData("Earlier in the week, planes moved equipment.", "2022-02-06", "Earlier in the week", TimexType.Date, "2022-W05")]
    [InlineData("He gave a speech last week.", "2004-11-24", "last week", TimexType.Date, "2004-W47")]
    [InlineData("Delivery slips to next month.", "2011-08-08", "next month", TimexType.Date, "2011-09")]
    [InlineData("Sales doubled this year.", "2007-12-20", "this year", TimexType.Date, "2007")]
    [InlineData("Fans queued this weekend.", "2010-01-25", "this weekend", TimexType.Date, "2010-W04-WE")]
    [InlineData("It launched three weeks ago.", "2022-02-06", "three weeks ago", TimexType.Date, "2022-W02")]
    [InlineData("Profit fell in the last quarter.", "2007-01-18", "the last quarter", TimexType.Date, "2006-Q4")]
    [InlineData("Revenue rose in the third quarter of 2021.", "2022-02-06", "the third quarter of 2021", TimexType.Date, "2021-Q3")]
    [InlineData("Results for fiscal 2008 are due.", "2007-06-01", "fiscal 2008", TimexType.Date, "FY2008")]
    [InlineData("Prices peaked in the 1990s.", "2022-02-06", "the 1990s", TimexType.Date, "199")]
    [InlineData("Tests resume in spring 2020.", "2019-11-01", "spring 2020", TimexType.Date, "2020-SP")]
    [InlineData("Tests resume in the summer.", "2019-03-01", "summer", TimexType.Date, "2019-SU")]
    [InlineData("The jet flies in mid-March.", "2019-01-10", "mid-March", TimexType.Date, "2019-03")]
    [InlineData("Output recovers early next year.", "2019-01-10", "early next year", TimexType.Date, "2020")]
    // Vague references.
    [InlineData("The store currently sells music.", "2006-06-20", "currently", TimexType.Date, "PRESENT_REF")]
    [InlineData("Apple recently cut prices.", "2010-06-16", "recently", TimexType.Date, "PAST_REF")]
    // Times, with the zone folded into UTC.
    [InlineData("It landed at 18:00 UTC.", "2009-12-15", "18:00 UTC", TimexType.Time, "2009-12-15T18:00Z")]
    [InlineData("Doors open at 2:30 p.m.", "2022-02-06", "2:30 p.m.", TimexType.Time, "2022-02-06T14:30")]
    [InlineData("It landed at 6:40 p.m. (GMT +8) on time.", "2007-10-17", "6:40 p.m. (GMT +8)", TimexType.Time, "2007-10-17T10:40Z")]
    // Durations and sets never date an event.
    [InlineData("The squad can deploy within 18 hours.", "2022-02-06", "18 hours", TimexType.Duration, "PT18H")]
    [InlineData("They held a 40-minute phone call.", "2022-02-06", "40-minute", TimexType.Duration, "PT40M")]
    [InlineData("It has a fifty-year service life.", "2008-03-01", "fifty-year", TimexType.Duration, "P50Y")]
    [InlineData("It took almost two and a half years.", "2009-12-16", "almost two and a half years", TimexType.Duration, "P2.5Y")]
    [InlineData("Prices fell over the past three weeks.", "2022-02-06", "the past three weeks", TimexType.Duration, "P3W")]
    [InlineData("It grew over the years.", "2006-05-29", "over the years", TimexType.Duration, "PXY")]
    [InlineData("Tankers arrive at a rate of 15 a year.", "2008-03-01", "a year", TimexType.Set, "P1Y")]
    [InlineData("The annual meeting opened.", "2010-06-08", "annual", TimexType.Set, "P1Y")]
    public void Recognizes_and_normalizes(string sentence, string publication, string text, TimexType type, string value)
    {
        var result = RuleBasedEventExtractor.Shared.Extract(sentence, DateOnly.Parse(publication, System.Globalization.CultureInfo.InvariantCulture));
        var timex = Assert.Single(result.Timexes, t => t.Text.Equals(text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((type, value), (timex.Type, timex.Value));
    }

    [Fact]
    public void Later_shift_moves_from_the_last_date_in_the_article()
    {
        var result = RuleBasedEventExtractor.Shared.Extract("Talks began on March 3, 2020. Two days later the deal was signed.", new DateOnly(2020, 3, 10));
        Assert.Equal("2020-03-05", Assert.Single(result.Timexes, t => t.Text == "Two days later").Value);
    }

    [Fact]
    public void Year_range_is_also_a_duration()
    {
        var result = RuleBasedEventExtractor.Shared.Extract("Output doubles from 2009 to 2011.", new DateOnly(2007, 6, 9));
        Assert.Equal(["2009", "2011", "P2Y"], result.Timexes.Select(t => t.Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Prices may rise.")]
    [InlineData("Troops march to the border.")]
    [InlineData("The now-cancelled deal lapsed.")]
    [InlineData("It sold 2,000 units.")]
    [InlineData("A second plant opened.")]
    public void Ignores_lookalikes(string sentence)
    {
        Assert.Empty(RuleBasedEventExtractor.Shared.Extract(sentence, new DateOnly(2020, 1, 1)).Timexes);
    }
}
