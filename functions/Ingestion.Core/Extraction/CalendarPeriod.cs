using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>The calendar period a TIMEX3 date value covers: 2022-W05 is 2022-01-31..2022-02-06, 2017 is the whole year.</summary>
internal readonly partial record struct CalendarPeriod(DatePrecision Precision, DateOnly Start, DateOnly End)
{
    /// <summary>Null for values without a calendar anchor (PAST_REF, XXXX-08-30, durations).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CalendarPeriod? FromValue(string value)
    {
        if (DecadePattern.IsMatch(value))
        {
            var first = Int(value) * 10;
            return new CalendarPeriod(DatePrecision.Decade, new DateOnly(first, 1, 1), new DateOnly(first + 9, 12, 31));
        }

        var m = ValuePattern.Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"].Value);
        if (m.Groups["d"].Success)
        {
            var day = new DateOnly(year, Int(m.Groups["m"].Value), Int(m.Groups["d"].Value));
            return new CalendarPeriod(DatePrecision.Day, day, day);
        }

        if (m.Groups["m"].Success)
        {
            var first = new DateOnly(year, Int(m.Groups["m"].Value), 1);
            return new CalendarPeriod(DatePrecision.Month, first, first.AddMonths(1).AddDays(-1));
        }

        if (m.Groups["w"].Success)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Int(m.Groups["w"].Value), DayOfWeek.Monday));
            return new CalendarPeriod(DatePrecision.Week, monday, monday.AddDays(6));
        }

        if (m.Groups["q"].Success)
        {
            var first = new DateOnly(year, ((Int(m.Groups["q"].Value) - 1) * 3) + 1, 1);
            return new CalendarPeriod(DatePrecision.Quarter, first, first.AddMonths(3).AddDays(-1));
        }

        if (m.Groups["s"].Success)
        {
            // Meteorological seasons; winter starts in December of the named year.
            var startMonth = m.Groups["s"].Value switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            var first = new DateOnly(year, startMonth, 1);
            return new CalendarPeriod(DatePrecision.Quarter, first, first.AddMonths(3).AddDays(-1));
        }

        return new CalendarPeriod(DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static readonly Regex ValuePattern = new(@"^(?:FY)?(?<y>\d{4})(?:-(?:(?<m>\d{2})(?:-(?<d>\d{2}))?|W(?<w>\d{2})(?:-WE)?|Q(?<q>[1-4])|(?<s>SP|SU|FA|WI)))?(?:T.*)?$", RegexOptions.Compiled);

    private static readonly Regex DecadePattern = new(@"^\d{3}$", RegexOptions.Compiled);
}
