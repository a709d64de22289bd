using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Dates an event by the nearest date or time expression in its sentence; durations and sets never date an event.
/// Without one, or when the expression has no calendar anchor (PAST_REF, XXXX-08-30), the publication date is used.
/// </summary>
internal static partial class EventDater
{
    [GeneratedRegex(@"\d{4}|\d{1,2}/\d{1,2}/\d{2}")]
    private static partial Regex WrittenYear();

    /// <summary>The sentence's dates and times that have a calendar period, computed once per sentence.</summary>
    public static List<(TemporalExpression Timex, CalendarPeriod Period)> Anchors(IEnumerable<TemporalExpression> sentenceTimexes)
    {
        var anchors = new List<(TemporalExpression, CalendarPeriod)>();
        foreach (var timex in sentenceTimexes)
        {
            if (timex.Type is TimexType.Date or TimexType.Time && CalendarPeriod.FromValue(timex.Value) is { } period)
            {
                anchors.Add((timex, period));
            }
        }

        return anchors;
    }

    public static EventDate Date(int triggerStart, List<(TemporalExpression Timex, CalendarPeriod Period)> anchors, DateOnly publicationDate)
    {
        if (anchors.Count == 0)
        {
            return Publication(publicationDate);
        }

        var (timex, period) = anchors.MinBy(a => Math.Abs(a.Timex.Start - triggerStart));
        var source = WrittenYear().IsMatch(timex.Text) ? DateSource.Explicit : DateSource.Relative;
        return new EventDate(timex.Value, period.Precision, period.Start, period.End, source, timex.Text);
    }

    public static EventDate Publication(DateOnly publicationDate) =>
        new(TemporalCalendar.Day(publicationDate), DatePrecision.Day, publicationDate, publicationDate, DateSource.PublicationDate);
}
