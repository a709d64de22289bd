using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ingestion.Core.Extraction.Syntax;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Dates an event by the date or time expression that governs it in the sentence's dependency tree: the one attached
/// to the event itself, else to the word it depends on through a relation of date-relations.tsv (coordinated verbs,
/// open complements, event nouns as subject or object). A date attached elsewhere (another clause, a noun it modifies:
/// "the 1991 settlement") does not date the event. Durations and sets never date an event, and a time dates it to its day.
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

    private readonly HashSet<string> clauses = Relations("clause");

    private readonly HashSet<string> inheriting = Relations("inherit");

    private readonly HashSet<string> subordinate = Relations("subordinate");

    private readonly HashSet<string> relative = Relations("relative");

    private readonly HashSet<string> modifiers = Relations("modifier");

    private static HashSet<string> Relations(string role) =>
        [.. ExtractionData.ReadTable("date-relations.tsv", 2).Where(row => row[1] == role).Select(row => row[0])];

    /// <summary>
    /// The anchors that may date an event, read from the tree: those inside its trigger or attached to it (anywhere
    /// under it for an event noun: "the agreement reached in 1991"), else those of its clause, of a date its clause
    /// hangs on ("this weekend, when Der Spiegel cited"), or of the clause it inherits its date from (date-relations.tsv).
    /// When none does, the sentence's other anchors, less those the tree places away from the event: in a clause
    /// subordinate to it, outside the relative clause it is in, or modifying a noun. Empty when none remains.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(TemporalExpression Timex, CalendarPeriod Period)> Governing(
        SentenceSyntax syntax, List<Token> tokens, Trigger trigger, List<(TemporalExpression Timex, CalendarPeriod Period)> anchors)
    {
        var governing = new List<(TemporalExpression, CalendarPeriod)>();
        if (anchors.Count == 0)
        {
            return governing;
        }

        var head = HeadWord(syntax, trigger.FirstToken, trigger.LastToken);
        var attached = anchors.ConvertAll(a => Attachment(syntax, tokens, a.Timex));
        for (var i = 0; i < anchors.Count; i++)
        {
            var word = attached[i].Word;
            if ((anchors[i].Timex.Start < tokens[trigger.LastToken].End && tokens[trigger.FirstToken].Start < anchors[i].Timex.End)
                || (word >= trigger.FirstToken && word <= trigger.LastToken)
                || (trigger.Entry.IsNoun && word >= 0 && Below(syntax, word, head)))
            {
                governing.Add(anchors[i]);
            }
        }

        var own = ClauseHead(syntax, head);
        var clause = own;
        for (var steps = 0; governing.Count == 0 && clause >= 0 && steps < syntax.Count; steps++)
        {
            for (var i = 0; i < anchors.Count; i++)
            {
                var timex = anchors[i].Timex;
                var hangsOn = syntax.Head(clause) is var above && above >= 0 && tokens[above].Start >= timex.Start && tokens[above].End <= timex.End;
                if (attached[i].Clause == clause || hangsOn)
                {
                    governing.Add(anchors[i]);
                }
            }

            if (!inheriting.Contains(syntax.Label(clause)) || syntax.Head(clause) < 0)
            {
                break;
            }

            clause = ClauseHead(syntax, syntax.Head(clause));
        }

        if (governing.Count > 0)
        {
            return governing;
        }

        for (var i = 0; i < anchors.Count; i++)
        {
            var (word, timexClause, label) = attached[i];
            var away = word < 0
                || (modifiers.Contains(label) && syntax.Tag(word) is "NOUN" or "PROPN")
                || SubordinateBelow(syntax, timexClause, own)
                || (relative.Contains(syntax.Label(own)) && !Below(syntax, word, own));
            if (!away)
            {
                governing.Add(anchors[i]);
            }
        }

        return governing;
    }

    /// <summary>The main predicate outside a span: the first word without a head (or hanging on the span when the parser
    /// made the span the root), a verb if one is.</summary>
    private static int Root(SentenceSyntax syntax, int first, int last)
    {
        var root = -1;
        for (var t = 0; t < syntax.Count; t++)
        {
            var head = syntax.Head(t);
            var top = (t < first || t > last) && (head < 0 || (head >= first && head <= last));
            if (top && (root < 0 || (syntax.Tag(t) == "VERB" && syntax.Tag(root) != "VERB")))
            {
                root = t;
            }
        }

        return root;
    }

    /// <summary>Whether a word lies in the subtree of another (or is it).</summary>
    private static bool Below(SentenceSyntax syntax, int word, int top)
    {
        for (var steps = 0; word >= 0 && steps < syntax.Count; steps++)
        {
            if (word == top)
            {
                return true;
            }

            word = syntax.Head(word);
        }

        return false;
    }

    /// <summary>Whether a clause lies under another through at least one subordinating relation.</summary>
    private bool SubordinateBelow(SentenceSyntax syntax, int clause, int top)
    {
        var subordinated = false;
        for (var steps = 0; clause >= 0 && steps < syntax.Count; steps++)
        {
            if (clause == top)
            {
                return subordinated;
            }

            subordinated |= subordinate.Contains(syntax.Label(clause));
            clause = syntax.Head(clause);
        }

        return false;
    }

    /// <summary>The word heading the clause a word is in: itself or the first verb or clause relation above it.</summary>
    private int ClauseHead(SentenceSyntax syntax, int word)
    {
        for (var steps = 0; word >= 0 && steps < syntax.Count; steps++)
        {
            if (syntax.Tag(word) == "VERB" || clauses.Contains(syntax.Label(word)) || syntax.Head(word) < 0)
            {
                return word;
            }

            word = syntax.Head(word);
        }

        return word;
    }

    /// <summary>The word of a span whose head lies outside it (the first such word).</summary>
    private static int HeadWord(SentenceSyntax syntax, int first, int last)
    {
        for (var t = first; t <= last; t++)
        {
            var head = syntax.Head(t);
            if (head < first || head > last)
            {
                return t;
            }
        }

        return first;
    }

    /// <summary>The word a date expression hangs on in the tree, the clause that word is in, and the relation (-1, -1 for the root).</summary>
    private (int Word, int Clause, string Label) Attachment(SentenceSyntax syntax, List<Token> tokens, TemporalExpression timex)
    {
        var first = 0;
        while (first < tokens.Count && tokens[first].End <= timex.Start)
        {
            first++;
        }

        var last = first;
        while (last + 1 < tokens.Count && tokens[last + 1].Start < timex.End)
        {
            last++;
        }

        var own = HeadWord(syntax, first, last);
        var word = first < tokens.Count ? syntax.Head(own) : -1;

        // A date fronted before the sentence's subject ("On Saturday, Macron had spoken ...") frames the main clause;
        // the parser tends to hang it on a noun further on.
        if (last + 1 < tokens.Count && tokens[last + 1].Text == "," && Enumerable.Range(0, first).All(t => syntax.Tag(t) == "ADP"))
        {
            word = Root(syntax, first, last);
        }

        return word < 0 ? (-1, -1, string.Empty) : (word, ClauseHead(syntax, word), syntax.Label(own));
    }

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
