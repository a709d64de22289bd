using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>Which way an expression without a year or a direction points from the publication date.</summary>
internal enum TenseDirection
{
    Past,
    Present,
    Future,
}

/// <summary>Calendar arithmetic and TIMEX3 value formatting.</summary>
internal static class TemporalCalendar
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Week(DateOnly d) =>
        FormattableString.Invariant($"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Quarter(DateOnly d) => FormattableString.Invariant($"{d.Year:D4}-Q{((d.Month - 1) / 3) + 1}");

    /// <summary>The weekday nearest the publication date in the given direction; the publication day itself counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly ResolveWeekday(DateOnly dct, DayOfWeek day, TenseDirection direction)
    {
        var back = ((int)dct.DayOfWeek - (int)day + 7) % 7;
        var forward = ((int)day - (int)dct.DayOfWeek + 7) % 7;
        return direction switch
        {
            TenseDirection.Past => dct.AddDays(-back),
            TenseDirection.Future => dct.AddDays(forward),
            _ => back <= forward ? dct.AddDays(-back) : dct.AddDays(forward),
        };
    }

    /// <summary>
    /// Picks the year for a month and day written without one: the nearest such date, where tense counts as
    /// <see cref="TensePenaltyDays"/> of distance ("said ... October 12" a week ahead is still this October).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly? ResolveMonthDay(DateOnly dct, int month, int day, TenseDirection direction)
    {
        var candidates = new List<DateOnly>(3);
        for (var year = dct.Year - 1; year <= dct.Year + 1; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month))
            {
                candidates.Add(new DateOnly(year, month, day));
            }
        }

        return candidates.Count == 0 ? null : Nearest(candidates, dct, direction, TensePenaltyDays);
    }

    /// <summary>
    /// The year of a month named without one, chosen like <see cref="ResolveMonthDay"/> with tense weighing three times as much.
    /// Without a tense cue news reports a bare month as past ("sales rose in January").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly ResolveMonth(DateOnly dct, int month, TenseDirection direction) =>
        Nearest(
            [new(dct.Year - 1, month, 1), new(dct.Year, month, 1), new(dct.Year + 1, month, 1)],
            new DateOnly(dct.Year, dct.Month, 1),
            direction == TenseDirection.Present ? TenseDirection.Past : direction,
            TensePenaltyDays * 3);

    private const int TensePenaltyDays = 60;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateOnly Nearest(IEnumerable<DateOnly> candidates, DateOnly anchor, TenseDirection direction, int penalty) =>
        candidates.MinBy(c =>
        {
            var distance = c.DayNumber - anchor.DayNumber;
            var againstTense = (direction == TenseDirection.Past && distance > 0) || (direction == TenseDirection.Future && distance < 0);
            return Math.Abs(distance) + (againstTense ? penalty : 0);
        });

    /// <summary>Moves a date by a number of calendar units (D, W, M, Y, 10Y, 100Y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly Shift(DateOnly date, string unit, int amount) => unit switch
    {
        "D" => date.AddDays(amount),
        "W" => date.AddDays(7 * amount),
        "2W" => date.AddDays(14 * amount),
        "M" => date.AddMonths(amount),
        "Y" => date.AddYears(amount),
        "10Y" => date.AddYears(10 * amount),
        "100Y" => date.AddYears(100 * amount),
        _ => date,
    };

    /// <summary>The value naming the unit-sized period that contains a date ("2022-W05" for a week).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string PeriodValue(DateOnly date, string unit) => unit switch
    {
        "D" => Day(date),
        "W" or "2W" => Week(date),
        "M" => Month(date),
        "Q" => Quarter(date),
        "10Y" => Year(date.Year)[..3],
        "100Y" => Year(date.Year)[..2],
        _ => Year(date.Year),
    };
}
