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

    public static EventDate Date(int triggerStart, IReadOnlyList<TemporalExpression> sentenceTimexes, DateOnly publicationDate)
    {
        TemporalExpression? nearest = null;
        CalendarPeriod? nearestPeriod = null;
        foreach (var timex in sentenceTimexes)
        {
            if (timex.Type is TimexType.Date or TimexType.Time && CalendarPeriod.FromValue(timex.Value) is { } period
                && (nearest is null || Math.Abs(timex.Start - triggerStart) < Math.Abs(nearest.Start - triggerStart)))
            {
                nearest = timex;
                nearestPeriod = period;
            }
        }

        if (nearest is null || nearestPeriod is not { } found)
        {
            return Publication(publicationDate);
        }

        var source = WrittenYear().IsMatch(nearest.Text) ? DateSource.Explicit : DateSource.Relative;
        return new EventDate(nearest.Value, found.Precision, found.Start, found.End, source, nearest.Text);
    }

    public static EventDate Publication(DateOnly publicationDate) =>
        new(TemporalCalendar.Day(publicationDate), DatePrecision.Day, publicationDate, publicationDate, DateSource.PublicationDate);
}
