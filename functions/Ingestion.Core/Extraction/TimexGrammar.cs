using System.Globalization;
using System.Runtime.CompilerServices;
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

        (string Pattern, Opening Opening, Cue Any, Cue All)[] rules =
        [
            (@"(?<iso>(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2}))", Opening.Digit, Cue.Year, Cue.None),
            (@"(?<slash>(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2}))", Opening.Digit, Cue.Number, Cue.None),
            ($@"(?<mdy>(?<mon>{month})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>\d{{4}}))", Opening.Word, Cue.Month, Cue.Year),
            ($@"(?<dmy>(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>{month})\.?,?\s+(?<y>\d{{4}}))", Opening.Digit, Cue.Month, Cue.Year),
            ($@"(?<my>{Part}?(?<mon>{fullMonth})\.?,?\s+(?:of\s+)?(?<y>\d{{4}}))", Opening.Word, Cue.Month, Cue.Year),
            ($@"(?<md>(?<mon>{month})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?)(?![\p{{L}}\p{{N}}]|,?\s*\d)", Opening.Word, Cue.Month, Cue.Number),
            ($@"(?<dm>(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>{month}))", Opening.Digit, Cue.Month, Cue.Number),
            ($@"(?<time>(?<h>\d{{1,2}}):(?<min>\d{{2}})(?:\s*(?<ampm>[ap])\.?m\.?)?{zoneSuffix}|(?<h>\d{{1,2}})\s*(?<ampm>[ap])\.?m\.?{zoneSuffix})", Opening.Digit, Cue.Number, Cue.None),
            ($@"(?<wd>(?:{Rel}\s+)?(?<day>{weekday})(?:\s+(?<tod>morning|afternoon|evening|night))?)", Opening.Word, Cue.Weekday, Cue.None),
            ($@"(?<mon1>{Part}?(?:{Rel}\s+)?(?<mon>{fullMonth}))", Opening.Word, Cue.Month, Cue.None),
            ($@"(?<partof>(?:the\s+)?(?<edge>beginning|start|end|middle|turn|rest)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?<unit>year|month|week|decade|century|quarter))", Opening.Word, Cue.Unit | Cue.Quarter, Cue.None),
            ($@"(?<season>(?:{Rel}\s+)?(?<s>{season})(?:\s+(?:of\s+)?(?<y>\d{{4}}))?)", Opening.Word, Cue.Season, Cue.None),
            (@"(?<quarter>(?:the\s+)?(?<ord>first|second|third|fourth|last|final|previous|current|next|1st|2nd|3rd|4th)\s+(?:fiscal\s+|financial\s+)?quarter(?:\s+of\s+(?:(?<y>\d{4})|(?:the\s+)?(?<qrel>this|last|next)?\s*year))?|q(?<q>[1-4])(?:\s+(?<y>\d{4}))?)", Opening.Both, Cue.Quarter, Cue.None),
            (@"(?<fiscal>(?:fiscal|financial)\s+(?:year\s+)?(?<y>\d{4})|fy\s?(?<y>\d{4}))", Opening.Both, Cue.Fiscal, Cue.None),
            ($@"(?<decade>(?:the\s+)?{Part}?(?<dec>1[5-9]\d|20\d)0'?s)", Opening.Both, Cue.Year, Cue.None),
            ($@"(?<ago>(?<n>{number}|a|an|several|a\s+few)\s+(?<unit>{unit})s?\s+ago)", Opening.Both, Cue.Unit, Cue.Ago),
            ($@"(?<shift>(?<n>{number}|a|an)\s+(?<unit>day|week|month|year)s?\s+(?<dir>later|earlier|afterwards?))", Opening.Both, Cue.Unit, Cue.Shift),
            ($@"(?<span>(?:the\s+)?(?<rel>past|last|next|coming|previous|following|first|final)\s+(?<n>{number}|several|few)\s+(?<unit>{unit})s?)", Opening.Word, Cue.Unit, Cue.None),
            (@"(?<inthe>(?<part>early|earlier|late|later)\s+(?:in\s+)?(?:the|this)\s+(?<unit>week|month|year))", Opening.Word, Cue.Unit, Cue.None),
            ($@"(?<reldate>(?:(?<part>early|earlier|late|later|mid)[\s-]+(?:in\s+)?)?(?<the>the\s+)?{Rel}\s+(?<unit>weekend|week|month|year|quarter|decade|century))", Opening.Word, Cue.Unit | Cue.Quarter | Cue.Weekend, Cue.None),
            (@"(?<weekend>the\s+weekend)", Opening.Word, Cue.Weekend, Cue.None),
            (@"(?<deictic>(?<word>today|yesterday|tomorrow|tonight)(?:\s+(?<tod>morning|afternoon|evening|night))?|this\s+(?<tod>morning|afternoon|evening))", Opening.Word, Cue.Deictic, Cue.None),
            ($@"(?<ref>{reference})(?!-|\s+(?:[\p{{L}}\d]+\s+)?(?:{unit}|quarter))", Opening.Word, Cue.Reference, Cue.None),
            ($@"(?<set>(?:every|each|per|a)\s+(?<unit>day|week|month|year|quarter|hour)|(?<adv>daily|weekly|monthly|annually|annual|yearly|quarterly|hourly))", Opening.Word, Cue.Unit | Cue.Quarter | Cue.SetWord, Cue.None),
            ($@"(?<dur>(?:(?<approx>about|around|some|nearly|almost|over|more\s+than|less\s+than|at\s+least|up\s+to|roughly)\s+)?(?<n>{number}|several|a\s+few|few|many|a\s+couple\s+of|a|an)(?<half>\s+and\s+a\s+half)?[\s-]+(?<unit>{unit})s?(?:[\s-](?:long|old))?)", Opening.Both, Cue.Unit, Cue.None),
            (@"(?<vague>(?:over\s+the\s+|for\s+)(?<unit>years|decades|months|weeks)|(?<unit>years|decades|months|weeks)-long)", Opening.Word, Cue.Unit, Cue.None),
            ($@"(?<year>{Part}?(?<y>(?:1[6-9]|20)\d{{2}}))", Opening.Both, Cue.Year, Cue.None),
        ];

        // One anchored regex per rule, tried in order at tokens that can open an expression: an alternation of
        // the rules runs tens of times slower than the rules one by one. They match lower-cased text: case-insensitive
        // word alternations compile to much slower code.
        var compiled = rules.Select(rule => (Rule: new TimexRule(new Regex(
                $@"^(?:{rule.Pattern})(?![\p{{L}}\p{{N}}%])",
                RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled), rule.Any, rule.All), rule.Opening))
            .ToList();
        DigitRules = [.. compiled.Where(r => r.Opening.HasFlag(Opening.Digit)).Select(r => r.Rule)];
        WordRules = [.. compiled.Where(r => r.Opening.HasFlag(Opening.Word)).Select(r => r.Rule)];

        AddCues(Months.Keys, Cue.Month);
        AddCues(Weekdays.Keys, Cue.Weekday);
        AddCues(Units.Keys, Cue.Unit);
        AddCues(Seasons.Keys, Cue.Season);
        AddCues(["quarter"], Cue.Quarter);
        AddCues(["fiscal", "financial"], Cue.Fiscal);
        AddCues(ReferenceWords.Keys.Select(w => w[(w.LastIndexOf(' ') + 1)..]), Cue.Reference);
        AddCues(["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening"], Cue.Deictic);
        AddCues(["weekend"], Cue.Weekend);
        AddCues(["ago"], Cue.Ago);
        AddCues(["later", "earlier", "afterwards", "afterward"], Cue.Shift);
        AddCues(["daily", "weekly", "monthly", "annually", "annual", "yearly", "quarterly", "hourly"], Cue.SetWord);
    }

    /// <summary>Words and shapes an expression cannot do without; a rule is tried only when its cue is near.</summary>
    [Flags]
    public enum Cue
    {
        None = 0,
        Month = 1,
        Weekday = 2,
        Unit = 4,
        Season = 8,
        Quarter = 16,
        Fiscal = 32,
        Year = 64,
        Number = 128,
        Reference = 256,
        Deictic = 512,
        Weekend = 1024,
        SetWord = 2048,
        Ago = 4096,
        Shift = 8192,
    }

    /// <summary>
    /// A compiled rule with the cues that must occur within <see cref="CueWindow"/> tokens of its start:
    /// one of <paramref name="Any"/> and all of <paramref name="All"/> ("three weeks ago" needs a unit and "ago").
    /// </summary>
    public sealed record TimexRule(Regex Regex, Cue Any, Cue All)
    {
        public bool MayMatch(Cue near) => (near & Any) != 0 && (near & All) == All;
    }

    /// <summary>How many tokens from its first an expression's cue word may stand ("about two and a half years").</summary>
    public const int CueWindow = 8;

    private readonly Dictionary<string, Cue> cueWords = new(StringComparer.OrdinalIgnoreCase);

    private void AddCues(IEnumerable<string> words, Cue cue)
    {
        foreach (var word in words)
        {
            cueWords[word] = cueWords.GetValueOrDefault(word) | cue;
        }
    }

    /// <summary>The cues a token carries: its number shape, or the lists its word (or each part of "mid-March") is in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Cue CuesOf(Token token)
    {
        var cue = Cue.None;
        var rest = token.Text.AsSpan();
        while (rest.Length > 0)
        {
            var cut = rest.IndexOfAny('-', '\'', '’');
            cue |= PartCues(cut < 0 ? rest : rest[..cut]);
            rest = cut < 0 ? [] : rest[(cut + 1)..];
        }

        return cue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Cue PartCues(ReadOnlySpan<char> part)
    {
        if (part.Length == 0)
        {
            return Cue.None;
        }

        if (char.IsDigit(part[0]))
        {
            return Cue.Number | (part.Length == 4 && !part.ContainsAnyExceptInRange('0', '9') ? Cue.Year : Cue.None);
        }

        if (part.Length == 2 && part[0] == 'Q' && part[1] is >= '1' and <= '4')
        {
            return Cue.Quarter;
        }

        if (part.StartsWith("FY", StringComparison.Ordinal))
        {
            return Cue.Fiscal;
        }

        var lookup = cueWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var cue = lookup.TryGetValue(part, out var whole) ? whole : Cue.None;
        return part.Length > 3 && part[^1] == 's' && lookup.TryGetValue(part[..^1], out var singular) ? cue | singular : cue;
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
    public TimexRule[] DigitRules { get; }

    /// <summary>The rules that can open with a letter, in the same order.</summary>
    public TimexRule[] WordRules { get; }

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayStartAt(string article, List<Token> tokens, int index)
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Unit(string word)
    {
        var key = word.ToLowerInvariant();
        return Units.TryGetValue(key, out var unit) ? unit : Units[key.TrimEnd('s')];
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
