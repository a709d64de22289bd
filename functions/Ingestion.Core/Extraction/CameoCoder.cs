using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Gives a sentence's triggers their CAMEO codes in context, PETRARCH style, on top of the lexicon's codes:
/// <list type="bullet">
/// <item>a verb controlling a "to"-complement event ("wants to attack", "asked Obama to help") is left untyped and the
/// complement is coded, recoded by the verb's class (control-verbs.tsv, cameo-embedding.tsv: 138, 023);</item>
/// <item>a plain statement verb reporting another coded event ("..., officials said") is attribution, not an event
/// of its own, and is left untyped;</item>
/// <item>a verb-only lexicon word read as a noun ("the Gulf state", "Secretary of state") is left untyped;</item>
/// <item>a negated cooperative event is a rejection (cameo-negation.tsv: "would not provide support" is 121).</item>
/// </list>
/// </summary>
internal sealed class CameoCoder(VerbLexicon lexicon)
{
    private const string StatementCode = "010";

    /// <summary>How far a controlling verb may stand from its "to": "asked the Iranian government to".</summary>
    private const int MaxControlGap = 4;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "of",
    };

    private readonly Dictionary<string, string> controlClasses = ExtractionData.ReadMap("control-verbs.tsv");

    private readonly Dictionary<(string Class, string Root), string> embedding = ExtractionData.ReadTable("cameo-embedding.tsv", 3)
        .ToDictionary(row => (row[0], row[1]), row => row[2]);

    private readonly Dictionary<string, string> negation = ExtractionData.ReadMap("cameo-negation.tsv");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Trigger> Code(List<Token> tokens, List<Trigger> triggers)
    {
        var coded = new List<Trigger>(triggers);
        for (var i = 0; i < coded.Count; i++)
        {
            var trigger = coded[i];
            if (trigger.Entry.IsNoun)
            {
                continue;
            }

            if (controlClasses.TryGetValue(trigger.Entry.Lemma, out var controlClass) && Complement(tokens, coded, i) is { } complement)
            {
                coded[i] = Untyped(trigger);
                if (coded[complement].Entry.Code is { } root && embedding.TryGetValue((controlClass, root), out var code))
                {
                    coded[complement] = coded[complement] with { Entry = coded[complement].Entry with { EventCode = code } };
                }
            }
            else if (IsReadAsNoun(tokens, trigger))
            {
                coded[i] = Untyped(trigger);
            }
        }

        for (var i = 0; i < coded.Count; i++)
        {
            if (coded[i].Entry is { IsNoun: false, EventCode: StatementCode } && ReportsAnotherEvent(coded, i))
            {
                coded[i] = Untyped(coded[i]);
            }
        }

        return coded;
    }

    /// <summary>The code of an event the text denies: a rejection for cooperative events, else the code itself.</summary>
    public string? Negated(string? eventCode) =>
        eventCode is not null && negation.TryGetValue(eventCode[..2], out var rejection) ? rejection : eventCode;

    private static Trigger Untyped(Trigger trigger) => trigger with { Entry = trigger.Entry with { EventCode = null } };

    /// <summary>The trigger right after the "to" that follows the controlling verb at index i, if it is a typed verb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int? Complement(List<Token> tokens, List<Trigger> triggers, int i)
    {
        var last = triggers[i].LastToken;
        for (var t = last + 1; t < tokens.Count && t <= last + 1 + MaxControlGap; t++)
        {
            if (!tokens[t].IsWord)
            {
                return null;
            }

            if (tokens[t].Text.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                var next = triggers.FindIndex(i + 1, x => x.FirstToken == t + 1);
                return next >= 0 && triggers[next].Entry is { IsNoun: false, Code: not null } ? next : null;
            }
        }

        return null;
    }

    private bool IsReadAsNoun(List<Token> tokens, Trigger trigger)
    {
        var first = trigger.FirstToken;
        if (first == 0 || trigger.Entry.Code is null || lexicon.IsEventNoun(trigger.Entry.Lemma)
            || !tokens[first].Text.Equals(trigger.Entry.Lemma, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var previous = tokens[first - 1];
        return Determiners.Contains(previous.Text) || (previous.IsCapitalized && first > 1 && tokens[first - 2].IsWord);
    }

    private static bool ReportsAnotherEvent(List<Trigger> triggers, int i)
    {
        foreach (var other in triggers)
        {
            if (other.FirstToken != triggers[i].FirstToken && other.Entry is { IsNoun: false, Code: { } root } && root != StatementCode[..2])
            {
                return true;
            }
        }

        return false;
    }
}
