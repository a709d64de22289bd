using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>
/// The word lists behind temporal expressions and the compiled rules built from them.
/// Each rule has a marker group naming it; <see cref="TimexRecognizer"/> turns a match into a TIMEX3 value.
/// Rules are ordered most specific first because the first rule that matches at a position wins.
/// </summary>
internal sealed class TimexGrammar
{
    public TimexGrammar()
    {
        var monthRows = ExtractionData.ReadTable("months.tsv", 3).ToList();
        Months = monthRows.ToDictionary(row => row[0], row => Int(row[1]), StringComparer.OrdinalIgnoreCase);
        Weekdays = ExtractionData.ReadMap("weekdays.tsv").ToDictionary(p => p.Key, p => (DayOfWeek)(Int(p.Value) % 7), StringComparer.OrdinalIgnoreCase);
        Numbers = ExtractionData.ReadMap("numbers.tsv").ToDictionary(p => p.Key, p => Int(p.Value), StringComparer.OrdinalIgnoreCase);
        Units = ExtractionData.ReadMap("time-units.tsv");
        Seasons = ExtractionData.ReadMap("seasons.tsv");
        TimeZones = ExtractionData.ReadMap("timezones.tsv").ToDictionary(p => p.Key, p => double.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        ReferenceWords = ExtractionData.ReadMap("reference-words.tsv");

        var month = ExtractionData.Alternation(Months.Keys);
        var fullMonth = ExtractionData.Alternation(monthRows.Where(row => row[2].Length == 0).Select(row => row[0]));
        var weekday = ExtractionData.Alternation(Weekdays.Keys);
        var cardinal = ExtractionData.Alternation(Numbers.Keys.Where(n => Numbers[n] > 1 || n == "one"));
        var number = $@"(?:\d+(?:\.\d+)?|(?:{cardinal})(?:[\s-](?:{cardinal}))?)";
        var unit = $"(?:{ExtractionData.Alternation(Units.Keys)})";
        var season = ExtractionData.Alternation(Seasons.Keys);
        var zone = ExtractionData.Alternation(TimeZones.Keys);
        var reference = ExtractionData.Alternation(ReferenceWords.Keys);
        const string Rel = "(?<rel>last|next|this|coming|past|previous|following|current|same)";
        const string Part = @"(?:(?<part>early|mid|late)[\s-]+)";
        var zoneSuffix = $@"(?:\s*\(?(?<tz>{zone})(?:\s*(?<off>[+-])\s*(?<offh>\d{{1,2}}))?\)?)?";

        openers.UnionWith(OpeningWords);
        openers.UnionWith(Months.Keys.Concat(Weekdays.Keys).Concat(Numbers.Keys).Concat(Units.Keys).Concat(Seasons.Keys));
        openers.UnionWith(ReferenceWords.Keys.Select(w => w.Split(' ')[0]));
        openers.UnionWith(FollowerWords);

        (string Pattern, Opening Opening)[] rules =
        [
            (@"(?<iso>(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2}))", Opening.Digit),
            (@"(?<slash>(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2}))", Opening.Digit),
            ($@"(?<mdy>(?<mon>{month})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>\d{{4}}))", Opening.Word),
            ($@"(?<dmy>(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>{month})\.?,?\s+(?<y>\d{{4}}))", Opening.Digit),
            ($@"(?<my>{Part}?(?<mon>{fullMonth})\.?,?\s+(?:of\s+)?(?<y>\d{{4}}))", Opening.Word),
            ($@"(?<md>(?<mon>{month})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?)(?![\p{{L}}\p{{N}}]|,?\s*\d)", Opening.Word),
            ($@"(?<dm>(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>{month}))", Opening.Digit),
            ($@"(?<time>(?<h>\d{{1,2}}):(?<min>\d{{2}})(?:\s*(?<ampm>[ap])\.?m\.?)?{zoneSuffix}|(?<h>\d{{1,2}})\s*(?<ampm>[ap])\.?m\.?{zoneSuffix})", Opening.Digit),
            ($@"(?<wd>(?:{Rel}\s+)?(?<day>{weekday})(?:\s+(?<tod>morning|afternoon|evening|night))?)", Opening.Word),
            ($@"(?<mon1>{Part}?(?:{Rel}\s+)?(?<mon>{fullMonth}))", Opening.Word),
            ($@"(?<partof>(?:the\s+)?(?<edge>beginning|start|end|middle|turn|rest)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?<unit>year|month|week|decade|century|quarter))", Opening.Word),
            ($@"(?<season>(?:{Rel}\s+)?(?<s>{season})(?:\s+(?:of\s+)?(?<y>\d{{4}}))?)", Opening.Word),
            (@"(?<quarter>(?:the\s+)?(?<ord>first|second|third|fourth|last|final|previous|current|next|1st|2nd|3rd|4th)\s+(?:fiscal\s+|financial\s+)?quarter(?:\s+of\s+(?:(?<y>\d{4})|(?:the\s+)?(?<qrel>this|last|next)?\s*year))?|Q(?<q>[1-4])(?:\s+(?<y>\d{4}))?)", Opening.Both),
            (@"(?<fiscal>(?:fiscal|financial)\s+(?:year\s+)?(?<y>\d{4})|FY\s?(?<y>\d{4}))", Opening.Both),
            ($@"(?<decade>(?:the\s+)?{Part}?(?<dec>1[5-9]\d|20\d)0'?s)", Opening.Both),
            ($@"(?<ago>(?<n>{number}|a|an|several|a\s+few)\s+(?<unit>{unit})s?\s+ago)", Opening.Both),
            ($@"(?<shift>(?<n>{number}|a|an)\s+(?<unit>day|week|month|year)s?\s+(?<dir>later|earlier|afterwards?))", Opening.Both),
            ($@"(?<span>(?:the\s+)?(?<rel>past|last|next|coming|previous|following|first|final)\s+(?<n>{number}|several|few)\s+(?<unit>{unit})s?)", Opening.Word),
            (@"(?<inthe>(?<part>early|earlier|late|later)\s+(?:in\s+)?(?:the|this)\s+(?<unit>week|month|year))", Opening.Word),
            ($@"(?<reldate>(?:(?<part>early|earlier|late|later|mid)[\s-]+(?:in\s+)?)?(?<the>the\s+)?{Rel}\s+(?<unit>weekend|week|month|year|quarter|decade|century))", Opening.Word),
            (@"(?<weekend>the\s+weekend)", Opening.Word),
            (@"(?<deictic>(?<word>today|yesterday|tomorrow|tonight)(?:\s+(?<tod>morning|afternoon|evening|night))?|this\s+(?<tod>morning|afternoon|evening))", Opening.Word),
            ($@"(?<ref>{reference})(?!-|\s+(?:[\p{{L}}\d]+\s+)?(?:{unit}|quarter))", Opening.Word),
            ($@"(?<set>(?:every|each|per|a)\s+(?<unit>day|week|month|year|quarter|hour)|(?<adv>daily|weekly|monthly|annually|annual|yearly|quarterly|hourly))", Opening.Word),
            ($@"(?<dur>(?:(?<approx>about|around|some|nearly|almost|over|more\s+than|less\s+than|at\s+least|up\s+to|roughly)\s+)?(?<n>{number}|several|a\s+few|few|many|a\s+couple\s+of|a|an)(?<half>\s+and\s+a\s+half)?[\s-]+(?<unit>{unit})s?(?:[\s-](?:long|old))?)", Opening.Both),
            (@"(?<vague>(?:over\s+the\s+|for\s+)(?<unit>years|decades|months|weeks)|(?<unit>years|decades|months|weeks)-long)", Opening.Word),
            ($@"(?<year>{Part}?(?<y>(?:1[6-9]|20)\d{{2}}))", Opening.Both),
        ];

        // One anchored regex per rule, tried in order at tokens that can open an expression: an alternation of
        // the rules runs tens of times slower than the rules one by one.
        var compiled = rules.Select(rule => (Regex: new Regex(
                $@"^(?:{rule.Pattern})(?![\p{{L}}\p{{N}}%])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled), rule.Opening))
            .ToList();
        DigitRules = [.. compiled.Where(r => r.Opening.HasFlag(Opening.Digit)).Select(r => r.Regex)];
        WordRules = [.. compiled.Where(r => r.Opening.HasFlag(Opening.Word)).Select(r => r.Regex)];
    }

    /// <summary>What a rule's first character can be, so a token only meets the rules that can start with it.</summary>
    [Flags]
    private enum Opening
    {
        Digit = 1,
        Word = 2,
        Both = Digit | Word,
    }

    /// <summary>The rules that can open with a digit, most specific first; each matches only at the start of its range.</summary>
    public Regex[] DigitRules { get; }

    /// <summary>The rules that can open with a letter, in the same order.</summary>
    public Regex[] WordRules { get; }

    /// <summary>Words the rules above can open with, besides numbers and the data-file words.</summary>
    private static readonly string[] OpeningWords =
    [
        "the", "a", "an", "this", "that", "last", "next", "coming", "past", "previous", "following", "current", "same", "early", "earlier", "mid", "late", "later",
        "every", "each", "per", "daily", "weekly", "monthly", "annually", "annual", "yearly", "quarterly", "hourly", "today", "yesterday", "tomorrow", "tonight",
        "over", "for", "about", "around", "some", "nearly", "almost", "more", "less", "at", "up", "roughly", "several", "few", "many", "fiscal", "financial", "first",
        "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th", "years", "decades", "months", "weeks", "beginning", "start", "end", "middle", "turn", "rest",
    ];

    /// <summary>Frequent words that open an expression only before another opener: "the past", "a year", "in the past".</summary>
    private static readonly string[] NeedsFollower =
    [
        "the", "a", "an", "in", "at", "for", "over", "some", "more", "less", "up", "about", "around", "nearly", "almost", "roughly", "this", "that",
        "each", "every", "per", "early", "late", "mid", "earlier", "later",
    ];

    /// <summary>Second words that are not openers themselves: "more than", "at least", "up to", "this morning", "the weekend".</summary>
    private static readonly string[] FollowerWords = ["than", "least", "to", "weekend", "morning", "afternoon", "evening", "night", "couple", "present", "moment"];

    private readonly HashSet<string> openers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> needsFollower = new(NeedsFollower, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> followers = new(FollowerWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether an expression can start at token <paramref name="index"/>: a number or a word some rule opens with
    /// ("mid-March" counts by "mid"), not glued to a currency sign ("$2009"); frequent words also need an opener after them.
    /// </summary>
    public bool MayStartAt(string article, IReadOnlyList<Token> tokens, int index)
    {
        var token = tokens[index];
        if (token.Start > 0 && article[token.Start - 1] is '$' or '£' or '€' or '#')
        {
            return false;
        }

        var text = token.Text;
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return true;
        }

        var compound = text.AsSpan().IndexOfAny('-', '\'', '’');
        var lookup = openers.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.Contains(compound > 0 ? text.AsSpan(0, compound) : text))
        {
            return false;
        }

        // "in the past" passes through "the" to "past"; "in the end" does not. "mid-March" and "Monday's" stand alone.
        return compound > 0 || !needsFollower.Contains(text) || (index + 1 < tokens.Count && (followers.Contains(tokens[index + 1].Text) || MayStartAt(article, tokens, index + 1)));
    }

    public IReadOnlyDictionary<string, int> Months { get; }

    public IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; }

    public IReadOnlyDictionary<string, int> Numbers { get; }

    /// <summary>Unit word to TIMEX3 unit; a leading T marks units under a day.</summary>
    public IReadOnlyDictionary<string, string> Units { get; }

    public IReadOnlyDictionary<string, string> Seasons { get; }

    public IReadOnlyDictionary<string, double> TimeZones { get; }

    public IReadOnlyDictionary<string, string> ReferenceWords { get; }

    /// <summary>"18", "2.5", "two", "twenty-five".</summary>
    public decimal? ParseNumber(string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        decimal total = 0;
        foreach (var word in text.Split([' ', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Numbers.TryGetValue(word, out var n))
            {
                return null;
            }

            total += n;
        }

        return total;
    }

    public string Unit(string word)
    {
        var key = word.ToLowerInvariant();
        return Units.TryGetValue(key, out var unit) ? unit : Units[key.TrimEnd('s')];
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
