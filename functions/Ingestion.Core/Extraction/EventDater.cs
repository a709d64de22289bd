using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Dates an event by the nearest date or time expression in its sentence, or a finer one inside it; durations and
/// sets never date an event, and a time dates it to its day.
/// A sentence without one that opens by carrying on ("Then", "Afterwards", "At the time") takes the previous
/// sentence's date. Otherwise, or when the expression has no calendar anchor (PAST_REF, XXXX-08-30), the event is
/// filed on the publication date: as having happened then, or, when its verb form places it earlier ("has amassed",
/// "unveiled"), as before the publication (<see cref="DateSource.BeforePublication"/>, value PAST_REF).
/// </summary>
internal sealed partial class EventDater
{
    /// <summary>The TimeML value of an unspecified time in the past.</summary>
    public const string PastReference = "PAST_REF";

    private readonly string[] continuations = [.. ExtractionData.ReadLines("continuation-cues.txt")];

    /// <summary>The anchors dating a sentence's events: its own, or those of the sentence before when it carries on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (List<(TemporalExpression Timex, CalendarPeriod Period)> Anchors, bool Inherited) Frame(
        List<(TemporalExpression Timex, CalendarPeriod Period)> own, List<(TemporalExpression Timex, CalendarPeriod Period)> previous, string sentence)
    {
        if (own.Count > 0 || previous.Count == 0)
        {
            return (own, false);
        }

        foreach (var cue in continuations)
        {
            if (sentence.StartsWith(cue, StringComparison.OrdinalIgnoreCase) && sentence.Length > cue.Length && !char.IsLetter(sentence[cue.Length]))
            {
                return ([previous[^1]], true);
            }
        }

        return (own, false);
    }

    [GeneratedRegex(@"\d{4}|\d{1,2}/\d{1,2}/\d{2}")]
    private static partial Regex WrittenYear();

    /// <summary>The sentence's dates and times that have a calendar period, computed once per sentence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EventDate Date(int triggerStart, List<(TemporalExpression Timex, CalendarPeriod Period)> anchors, bool inherited, DateOnly publicationDate, bool placedBefore)
    {
        // A verb placed before the publication is never dated by a date after it: "On Monday, Macron is due to visit
        // Russia, which has amassed troops".
        var candidates = placedBefore ? anchors.FindAll(a => a.Period.Start <= publicationDate) : anchors;
        if (candidates.Count == 0)
        {
            return placedBefore ? BeforePublication(publicationDate) : Publication(publicationDate);
        }

        var (timex, period) = candidates.MinBy(a => Math.Abs(a.Timex.Start - triggerStart));

        // A finer date inside the nearest one says more: "yesterday, at this year's conference".
        foreach (var (finerTimex, finer) in candidates)
        {
            if (finer.Precision < period.Precision && finer.Start >= period.Start && finer.End <= period.End)
            {
                (timex, period) = (finerTimex, finer);
            }
        }

        var source = !inherited && WrittenYear().IsMatch(timex.Text) ? DateSource.Explicit : DateSource.Relative;

        // An event is dated to its day; the clock time stays in the text ("at 08:30 UTC").
        var value = timex.Type == TimexType.Time && period.Precision == DatePrecision.Day ? TemporalCalendar.Day(period.Start) : timex.Value;
        return new EventDate(value, period.Precision, period.Start, period.End, source, timex.Text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EventDate BeforePublication(DateOnly publicationDate) =>
        new(PastReference, DatePrecision.Day, publicationDate, publicationDate, DateSource.BeforePublication);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EventDate Publication(DateOnly publicationDate) =>
        new(TemporalCalendar.Day(publicationDate), DatePrecision.Day, publicationDate, publicationDate, DateSource.PublicationDate);
}
