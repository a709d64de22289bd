using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Finds temporal expressions in a sentence and normalizes them to TIMEX3 values against the publication date.
/// Expressions without a year or direction take the tense of the nearest verb cue; "two days later" moves from the
/// last day-precise date seen in the article (the reference time), which the caller carries between sentences.
/// </summary>
internal sealed partial class TimexRecognizer(TimexGrammar grammar, TenseDetector tense)
{
    // "from 2009 to 2011" is also the two-year span between its years, annotated over both.
    [GeneratedRegex(@"^(?:from|between)\s+(?<a>(?:1[6-9]|20)\d{2})\s*(?:to|and|until|through|-|–)\s*(?<b>(?:1[6-9]|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex YearRange();

    /// <param name="lowered">The article lower-cased (<see cref="string.ToLowerInvariant()"/> keeps every offset), which the rules match.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<TemporalExpression> Recognize(string text, string lowered, SentenceSpan sentence, List<Token> tokens, DateOnly dct, ref DateOnly reference)
    {
        var found = new List<TemporalExpression>();
        var resume = sentence.Start;
        // Cues are looked up only in the windows after possible starts, each token once.
        var cues = new TimexGrammar.Cue[tokens.Count];
        var cued = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Text.Equals("from", StringComparison.OrdinalIgnoreCase) || token.Text.Equals("between", StringComparison.OrdinalIgnoreCase))
            {
                AddYearRange(text, sentence, token, found);
            }

            if (token.Start < resume || !grammar.MayStartAt(text, tokens, i))
            {
                continue;
            }

            var near = TimexGrammar.Cue.None;
            for (var k = i; k < tokens.Count && k < i + TimexGrammar.CueWindow; k++)
            {
                if (k >= cued)
                {
                    cues[k] = grammar.CuesOf(tokens[k]);
                    cued = k + 1;
                }

                near |= cues[k];
            }

            foreach (var rule in char.IsDigit(token.Text[0]) ? grammar.DigitRules : grammar.WordRules)
            {
                if (!rule.MayMatch(near))
                {
                    continue;
                }

                var match = rule.Regex.Match(lowered, token.Start, sentence.End - token.Start);
                if (!match.Success || match.Length == 0 || Normalize(new MatchContext(text, match, tokens, dct, reference)) is not var (type, value))
                {
                    continue;
                }

                resume = match.Index + match.Length;
                found.Add(new TemporalExpression(match.Index, resume, text.Substring(match.Index, match.Length), type, value));
                if (type == TimexType.Date && CalendarPeriod.FromValue(value) is { Precision: DatePrecision.Day } period)
                {
                    reference = period.Start;
                }

                break;
            }
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddYearRange(string text, SentenceSpan sentence, Token token, List<TemporalExpression> found)
    {
        var range = YearRange().Match(text, token.Start, sentence.End - token.Start);
        if (!range.Success)
        {
            return;
        }

        var years = int.Parse(range.Groups["b"].Value, CultureInfo.InvariantCulture) - int.Parse(range.Groups["a"].Value, CultureInfo.InvariantCulture);
        if (years > 0)
        {
            found.Add(new TemporalExpression(range.Index, range.Index + range.Length, range.Value, TimexType.Duration, FormattableString.Invariant($"P{years}Y")));
        }
    }

    private readonly record struct MatchContext(string Text, Match Match, List<Token> Tokens, DateOnly Dct, DateOnly Reference)
    {
        public bool Has(string group) => Match.Groups[group].Success;

        public string this[string group] => Match.Groups[group].Value;

        public string Lower(string group) => Match.Groups[group].Value.ToLowerInvariant();

        public int IntOf(string group) => int.Parse(Match.Groups[group].Value, CultureInfo.InvariantCulture);

        public string PreviousWord()
        {
            var end = Match.Index;
            while (end > 0 && char.IsWhiteSpace(Text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && !char.IsWhiteSpace(Text[start - 1]))
            {
                start--;
            }

            return Text[start..end];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Normalize(MatchContext c)
    {
        if (c.Has("iso") || c.Has("mdy") || c.Has("dmy") || c.Has("slash"))
        {
            return ExplicitDay(c);
        }

        if (c.Has("my"))
        {
            return Date(TemporalCalendar.Month(new DateOnly(c.IntOf("y"), grammar.Months[c["mon"]], 1)));
        }

        if (c.Has("md") || c.Has("dm"))
        {
            return MonthDay(c);
        }

        if (c.Has("time"))
        {
            return Time(c);
        }

        if (c.Has("wd"))
        {
            return Weekday(c);
        }

        if (c.Has("mon1"))
        {
            return Month(c);
        }

        if (c.Has("partof"))
        {
            return Date(TemporalCalendar.PeriodValue(c.Dct, c.Lower("unit") == "quarter" ? "Q" : grammar.Unit(c["unit"])));
        }

        if (c.Has("season"))
        {
            return Season(c);
        }

        if (c.Has("quarter"))
        {
            return Quarter(c);
        }

        if (c.Has("fiscal"))
        {
            return Date("FY" + c["y"]);
        }

        if (c.Has("decade"))
        {
            return Date(c["dec"]);
        }

        if (c.Has("ago") || c.Has("shift"))
        {
            return Shifted(c);
        }

        if (c.Has("span"))
        {
            return Duration(c, Amount(c["n"]));
        }

        if (c.Has("inthe") || c.Has("reldate"))
        {
            return Relative(c);
        }

        if (c.Has("weekend"))
        {
            var direction = Direction(c);
            var saturday = TemporalCalendar.ResolveWeekday(c.Dct, DayOfWeek.Saturday, direction);
            return Date(TemporalCalendar.Week(saturday) + "-WE");
        }

        if (c.Has("deictic"))
        {
            return Deictic(c);
        }

        if (c.Has("ref"))
        {
            return Date(grammar.ReferenceWords[c["ref"]]);
        }

        if (c.Has("set"))
        {
            return Set(c);
        }

        if (c.Has("dur"))
        {
            var amount = Amount(c["n"]);
            return Duration(c, c.Has("half") && amount is { } whole ? whole + 0.5m : amount);
        }

        if (c.Has("vague"))
        {
            return (TimexType.Duration, "PX" + grammar.Unit(c["unit"])[^1..]);
        }

        return Year(c);
    }

    private static (TimexType, string) Date(string value) => (TimexType.Date, value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TenseDirection Direction(MatchContext c)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < c.Tokens.Count; i++)
        {
            if (c.Tokens[i].End > c.Match.Index && c.Tokens[i].Start < c.Match.Index + c.Match.Length)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        return tense.At(c.Tokens, first, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? ExplicitDay(MatchContext c)
    {
        var year = c.IntOf("y");
        year = year < 100 ? year + (year < 50 ? 2000 : 1900) : year;
        var month = c.Has("mon") ? grammar.Months[c["mon"]] : c.IntOf("m");
        var day = c.IntOf("d");
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? Date(TemporalCalendar.Day(new DateOnly(year, month, day)))
            : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? MonthDay(MatchContext c)
    {
        var month = grammar.Months[c["mon"]];
        var day = c.IntOf("d");
        if (day is < 1 or > 31)
        {
            return null;
        }

        var resolved = TemporalCalendar.ResolveMonthDay(c.Dct, month, day, Direction(c));
        return Date(resolved is { } d ? TemporalCalendar.Day(d) : FormattableString.Invariant($"XXXX-{month:D2}-{day:D2}"));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Time(MatchContext c)
    {
        var hour = c.IntOf("h");
        var minute = c.Has("min") ? c.IntOf("min") : 0;
        if (c.Has("ampm"))
        {
            hour = (hour % 12) + (c.Lower("ampm") == "p" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return null;
        }

        var suffix = string.Empty;
        var moment = c.Reference.ToDateTime(new TimeOnly(hour, minute));
        if (c.Has("tz"))
        {
            var offset = grammar.TimeZones[c["tz"]] + (c.Has("offh") ? (c["off"] == "-" ? -1 : 1) * c.IntOf("offh") : 0);
            moment = moment.AddHours(-offset);
            suffix = "Z";
        }

        return (TimexType.Time, moment.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) + suffix);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string) Weekday(MatchContext c)
    {
        var day = grammar.Weekdays[c["day"]];
        var date = c.Lower("rel") switch
        {
            "last" or "past" or "previous" => TemporalCalendar.ResolveWeekday(c.Dct.AddDays(-1), day, TenseDirection.Past),
            "next" or "coming" or "following" => TemporalCalendar.ResolveWeekday(c.Dct.AddDays(1), day, TenseDirection.Future),
            "this" => TemporalCalendar.ResolveWeekday(c.Dct, day, TenseDirection.Present),
            _ => TemporalCalendar.ResolveWeekday(c.Dct, day, Direction(c)),
        };
        return c.Has("tod")
            ? (TimexType.Time, TemporalCalendar.Day(date) + TimeOfDay(c["tod"]))
            : Date(TemporalCalendar.Day(date));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string TimeOfDay(string word) => word.ToLowerInvariant() switch
    {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Month(MatchContext c)
    {
        // "may" and "march" are verbs when written in lower case.
        if (!char.IsUpper(c.Text[c.Match.Groups["mon"].Index]))
        {
            return null;
        }

        var month = grammar.Months[c["mon"]];
        var direction = c.Lower("rel") switch
        {
            "last" or "past" or "previous" => TenseDirection.Past,
            "next" or "coming" or "following" => TenseDirection.Future,
            "this" => TenseDirection.Present,
            _ => Direction(c),
        };
        return Date(TemporalCalendar.Month(TemporalCalendar.ResolveMonth(c.Dct, month, direction)));
    }

    private (TimexType, string)? Season(MatchContext c)
    {
        var code = grammar.Seasons[c["s"]];
        if (c.Has("y"))
        {
            return Date(c["y"] + "-" + code);
        }

        var previous = c.PreviousWord().ToLowerInvariant();
        if (!c.Has("rel") && previous is not ("in" or "the" or "during" or "this" or "by" or "until" or "since"))
        {
            return null;
        }

        var shift = c.Lower("rel") switch
        {
            "last" or "past" or "previous" => -1,
            "next" or "coming" or "following" => 1,
            _ => 0,
        };
        return Date(TemporalCalendar.Year(c.Dct.Year + shift) + "-" + code);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string) Quarter(MatchContext c)
    {
        var current = ((c.Dct.Month - 1) / 3) + 1;
        var ordinal = c.Has("q") ? c["q"] : c.Lower("ord");
        var offset = ordinal switch
        {
            "last" or "previous" or "final" when !c.Has("y") && !c.Has("qrel") => -1,
            "next" => 1,
            "current" => 0,
            _ => (int?)null,
        };
        if (offset is { } shift)
        {
            return Date(TemporalCalendar.Quarter(c.Dct.AddMonths(3 * shift)));
        }

        var quarter = ordinal switch
        {
            "first" or "1st" or "1" => 1,
            "second" or "2nd" or "2" => 2,
            "third" or "3rd" or "3" => 3,
            _ => 4,
        };
        var year = c.Has("y") ? c.IntOf("y") : c.Lower("qrel") switch
        {
            "last" => c.Dct.Year - 1,
            "next" => c.Dct.Year + 1,
            _ => quarter > current && Direction(c) == TenseDirection.Past ? c.Dct.Year - 1 : c.Dct.Year,
        };
        return Date(FormattableString.Invariant($"{year:D4}-Q{quarter}"));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Shifted(MatchContext c)
    {
        var amount = Amount(c["n"]);
        var unit = grammar.Unit(c["unit"]);
        if (amount is not { } n || unit.StartsWith('T'))
        {
            return null;
        }

        var backwards = c.Has("ago") || c.Lower("dir") == "earlier";
        var anchor = c.Has("ago") ? c.Dct : c.Reference;
        var moved = TemporalCalendar.Shift(anchor, unit, (int)Math.Round(backwards ? -n : n));
        return Date(TemporalCalendar.PeriodValue(moved, unit));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Duration(MatchContext c, decimal? amount)
    {
        var unit = grammar.Unit(c["unit"]);
        if (unit == "TS" && c.Lower("n") is "a" or "an")
        {
            // "a second" is nearly always the ordinal ("a second plant").
            return null;
        }

        var time = unit.StartsWith('T') ? "T" : string.Empty;
        var letter = unit.TrimStart('T');
        var count = amount is { } a ? Scale(a, letter) : "X";
        return (TimexType.Duration, "P" + time + count + letter[^1..]);
    }

    // "2 decades" is P20Y: multi-unit codes (10Y, 2W) fold into the count.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Scale(decimal amount, string unit) =>
        (unit.Length > 1 ? amount * int.Parse(unit[..^1], CultureInfo.InvariantCulture) : amount).ToString("0.##", CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private decimal? Amount(string text)
    {
        var word = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return word switch
        {
            "a" or "an" => 1,
            "several" or "a few" or "few" or "many" or "a couple of" => null,
            _ => grammar.ParseNumber(word),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string)? Relative(MatchContext c)
    {
        var unitWord = c.Lower("unit");
        var rel = c.Lower("rel");
        if (rel == "past" && c.Has("the"))
        {
            // "the past decade" is the span leading up to now.
            return Duration(c, 1);
        }

        if (unitWord == "weekend")
        {
            // ISO weeks run Monday to Sunday, so "this weekend" closes the publication week.
            var shift = rel switch { "last" or "past" or "previous" => -7, "next" or "coming" or "following" => 7, _ => 0 };
            return Date(TemporalCalendar.Week(c.Dct.AddDays(shift)) + "-WE");
        }

        var unit = unitWord == "quarter" ? "Q" : grammar.Unit(unitWord);
        var step = unit == "Q" ? "M" : unit;
        var amount = unit == "Q" ? 3 : 1;
        var date = rel switch
        {
            "last" or "past" or "previous" => TemporalCalendar.Shift(c.Dct, step, -amount),
            "next" or "coming" or "following" => TemporalCalendar.Shift(c.Dct, step, amount),
            _ => c.Dct,
        };
        return Date(TemporalCalendar.PeriodValue(date, unit));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (TimexType, string)? Deictic(MatchContext c)
    {
        var word = c.Lower("word");
        var day = word switch
        {
            "yesterday" => c.Dct.AddDays(-1),
            "tomorrow" => c.Dct.AddDays(1),
            _ => c.Dct,
        };
        if (word == "tonight")
        {
            return (TimexType.Time, TemporalCalendar.Day(day) + "TNI");
        }

        return c.Has("tod") ? (TimexType.Time, TemporalCalendar.Day(day) + TimeOfDay(c["tod"])) : Date(TemporalCalendar.Day(day));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TimexType, string) Set(MatchContext c)
    {
        var unit = c.Has("adv")
            ? c.Lower("adv") switch { "daily" => "D", "weekly" => "W", "monthly" => "M", "quarterly" => "3M", "hourly" => "TH", _ => "Y" }
            : c.Lower("unit") == "quarter" ? "3M" : grammar.Unit(c["unit"]);

        // "a year" is a rate only after an amount ("15 a year"); otherwise it is a duration.
        var article = c.Match.Value.StartsWith("a ", StringComparison.OrdinalIgnoreCase);
        var previous = c.PreviousWord();
        var afterAmount = previous.Length > 0 && (char.IsDigit(previous[0]) || grammar.Numbers.ContainsKey(previous) || previous.Equals("times", StringComparison.OrdinalIgnoreCase));
        var value = "P" + (unit.StartsWith('T') ? "T1" + unit[1..] : unit.Length > 1 ? unit : "1" + unit);
        return (article && !afterAmount ? TimexType.Duration : TimexType.Set, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (TimexType, string)? Year(MatchContext c)
    {
        var year = c.IntOf("y");
        // A bare number is a year only when nothing suggests an amount ("2,000", "1999 people").
        var next = c.Match.Index + c.Match.Length;
        if (next < c.Text.Length - 1 && (c.Text[next] == ',' || c.Text[next] == '.') && char.IsDigit(c.Text[next + 1]))
        {
            return null;
        }

        return Date(TemporalCalendar.Year(year));
    }
}
