using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Gives a sentence's triggers their CAMEO codes in context, PETRARCH style, on top of the lexicon's codes:
/// <list type="bullet">
/// <item>a verb controlling a "to"-complement event ("wants to attack", "asked Obama to help") is left untyped and the
/// complement is coded, recoded by the verb's class (control-verbs.tsv, cameo-embedding.tsv: 138, 023);</item>
/// <item>a plain statement verb reporting another coded event ("..., officials said") is attribution, not an event
/// of its own, and is left untyped, unless it says another party used force: an accusation (class statement of
/// cameo-embedding.tsv, "The US said that Iraq had attacked" is 112);</item>
/// <item>a verb-only lexicon word read as a noun ("the Gulf state", "Secretary of state") is left untyped;</item>
/// <item>a verb and its object noun are one event, coded by verb-objects.tsv ("launched missiles" is 194, "held talks"
/// 046); the noun is not coded again, nor is an eventive noun that is the object of a coded verb ("lift the
/// sanctions");</item>
/// <item>an eventive noun after a preposition of background-prepositions.txt ("accused of genocide", "killed in an air
/// strike") is the setting of another event, not one to code;</item>
/// <item>a negated cooperative event is a rejection (cameo-negation.tsv: "would not provide support" is 121).</item>
/// </list>
/// </summary>
internal sealed class CameoCoder(VerbLexicon lexicon)
{
    private const string StatementCode = "010";

    /// <summary>The cameo-embedding.tsv class of events reported by a statement verb.</summary>
    private const string StatementClass = "statement";

    /// <summary>How far a controlling verb may stand from its "to": "asked the Iranian government to".</summary>
    private const int MaxControlGap = 4;

    /// <summary>How far an object noun may stand after its verb, and a preposition before its noun: "in the 1994 genocide".</summary>
    private const int MaxPhraseGap = 4;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "of",
    };

    private readonly Dictionary<string, string> controlClasses = ExtractionData.ReadMap("control-verbs.tsv");

    private readonly Dictionary<(string Class, string Root), string> embedding = ExtractionData.ReadTable("cameo-embedding.tsv", 3)
        .ToDictionary(row => (row[0], row[1]), row => row[2]);

    private readonly Dictionary<string, string> negation = ExtractionData.ReadMap("cameo-negation.tsv");

    private readonly HashSet<string> backgroundPrepositions = new(ExtractionData.ReadWords("background-prepositions.txt"), StringComparer.OrdinalIgnoreCase);

    /// <summary>verb-objects.tsv by every inflected form of the verb, then by the object noun and its plural.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> verbObjects = ReadVerbObjects();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="actorsOf">The actors the sentence gives the trigger at an index, with the codes given so far.</param>
    public List<Trigger> Code(List<Token> tokens, List<Trigger> triggers, Func<List<Trigger>, int, IReadOnlyList<Actor>> actorsOf)
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
            else if (ObjectOf(tokens, coded, i) is var (code, objectTrigger))
            {
                coded[i] = trigger with { Entry = trigger.Entry with { EventCode = code } };
                if (objectTrigger >= 0)
                {
                    coded[objectTrigger] = Untyped(coded[objectTrigger]);
                }
            }
        }

        for (var i = 0; i < coded.Count; i++)
        {
            if (coded[i].Entry is { IsNoun: true, Code: not null } && IsBackgroundOrObject(tokens, coded, i))
            {
                coded[i] = Untyped(coded[i]);
            }
        }

        for (var i = 0; i < coded.Count; i++)
        {
            if (coded[i].Entry is { IsNoun: false, EventCode: StatementCode } && ReportedEvent(coded, i) is { } reported)
            {
                // "The US said that Iraq had attacked": saying another party used force is an accusation (class statement).
                var accusation = embedding.TryGetValue((StatementClass, coded[reported].Entry.Code!), out var code)
                    && actorsOf(coded, i) is { Count: > 0 } speakers && actorsOf(coded, reported) is { Count: > 0 } doers
                    && !speakers.Any(s => doers.Any(d => d.Name == s.Name));
                coded[i] = accusation ? coded[i] with { Entry = coded[i].Entry with { EventCode = code } } : Untyped(coded[i]);
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

    /// <summary>The code of a verb with its object noun from verb-objects.tsv, and the object's trigger (-1 when it is none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string Code, int ObjectTrigger)? ObjectOf(List<Token> tokens, List<Trigger> triggers, int i)
    {
        var trigger = triggers[i];
        if (!verbObjects.TryGetValue(trigger.Entry.Lemma, out var objects) && !verbObjects.TryGetValue(tokens[trigger.FirstToken].Text, out objects))
        {
            return null;
        }

        for (var t = trigger.LastToken + 1; t < tokens.Count && t <= trigger.LastToken + MaxPhraseGap; t++)
        {
            if (!tokens[t].IsWord && !char.IsDigit(tokens[t].Text[0]))
            {
                return null;
            }

            var word = tokens[t].Text;
            var phrase = t + 1 < tokens.Count ? word + " " + tokens[t + 1].Text : word;
            if (objects.TryGetValue(phrase, out var code) || objects.TryGetValue(word, out code))
            {
                return (code, triggers.FindIndex(x => x.FirstToken <= t && t <= x.LastToken));
            }
        }

        return null;
    }

    /// <summary>A noun governed by a background preposition, or the object of a coded verb, within a few words before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsBackgroundOrObject(List<Token> tokens, List<Trigger> triggers, int i)
    {
        var first = triggers[i].FirstToken;
        for (var t = first - 1; t >= 0 && t >= first - MaxPhraseGap; t--)
        {
            var token = tokens[t];
            if (!token.IsWord && !char.IsDigit(token.Text[0]))
            {
                return false;
            }

            if (backgroundPrepositions.Contains(token.Text))
            {
                return true;
            }

            var governing = triggers.FindIndex(x => x.FirstToken <= t && t <= x.LastToken);
            if (governing >= 0)
            {
                return triggers[governing].Entry is { IsNoun: false, Code: not null };
            }
        }

        return false;
    }

    private static Dictionary<string, Dictionary<string, string>> ReadVerbObjects()
    {
        var byForm = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ExtractionData.ReadTable("verb-objects.tsv", 3))
        {
            foreach (var (form, _) in Inflections.Verb(row[0]))
            {
                if (!byForm.TryGetValue(form, out var objects))
                {
                    byForm[form] = objects = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                objects.TryAdd(row[1], row[2]);
                objects.TryAdd(Inflections.Plural(row[1]), row[2]);
            }
        }

        return byForm;
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

    /// <summary>Another coded verb event of the sentence, not a statement, that the statement verb at index i reports.</summary>
    private static int? ReportedEvent(List<Trigger> triggers, int i)
    {
        for (var k = 0; k < triggers.Count; k++)
        {
            if (k != i && triggers[k].Entry is { IsNoun: false, Code: { } root } && root != StatementCode[..2])
            {
                return k;
            }
        }

        return null;
    }
}
