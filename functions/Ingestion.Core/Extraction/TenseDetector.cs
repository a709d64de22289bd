using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Guesses whether a date expression points back or forward from the nearest tense cue in its sentence:
/// "had spoken on Saturday" is the past Saturday, "is due to visit on Monday" the coming Monday.
/// A prospective clause opening before the expression ("before heading to Moscow on Monday", "was due to visit on Monday") points forward
/// even when the sentence's main verb is past.
/// </summary>
internal sealed class TenseDetector(VerbLexicon verbs)
{
    private static readonly HashSet<string> FutureWords = new(StringComparer.OrdinalIgnoreCase) { "will", "shall", "'ll", "wo", "upcoming", "tomorrow", "next" };
    private static readonly HashSet<string> PastWords = new(StringComparer.OrdinalIgnoreCase) { "was", "were", "had", "did", "ago", "yesterday", "last", "earlier", "previously" };
    private static readonly HashSet<string> PresentWords = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "am", "has", "have", "does", "do", "'s", "says" };

    // "is due to visit", "are expected to arrive": a present form followed by one of these and "to" points forward.
    private static readonly HashSet<string> ProspectiveWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "due", "going", "expected", "scheduled", "set", "slated", "poised", "about", "planning", "plans", "preparing", "intends", "aims", "to",
    };

    // Opener words and whether a gerund (else a verb's base form) must follow them.
    private readonly (string[] Words, bool Gerund)[] prospectiveOpeners =
        [.. ExtractionData.ReadTable("prospective-cues.tsv", 2).Select(row => (row[0].Split(' '), row[1] == "gerund"))];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TenseDirection At(List<Token> tokens, int first, int last)
    {
        // Walk outwards from the expression and stop at the first cue: the nearest wins, the earlier one on a tie.
        for (var distance = 1; first - distance >= 0 || last + distance < tokens.Count; distance++)
        {
            var before = first - distance;
            if (before >= 0 && (OpensProspectiveClause(tokens, before) ? TenseDirection.Future : Cue(tokens, before)) is { } earlier)
            {
                return earlier;
            }

            var after = last + distance;
            if (after < tokens.Count && Cue(tokens, after) is { } later)
            {
                return later;
            }
        }

        return TenseDirection.Present;
    }

    /// <summary>Whether an opener such as "ahead of" ends at token i and is followed by the verb form it needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool OpensProspectiveClause(List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count)
        {
            return false;
        }

        var next = tokens[i + 1].Text;
        foreach (var (words, gerund) in prospectiveOpeners)
        {
            if (i + 1 < words.Length || !EndsAt(tokens, i, words))
            {
                continue;
            }

            if (gerund ? next.Length > 4 && next.EndsWith("ing", StringComparison.OrdinalIgnoreCase) : verbs.IsBaseForm(next))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EndsAt(List<Token> tokens, int i, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens[i - words.Length + 1 + k].Text.Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TenseDirection? Cue(List<Token> tokens, int i)
    {
        var word = tokens[i].Text;
        if (FutureWords.Contains(word))
        {
            return TenseDirection.Future;
        }

        if (PresentWords.Contains(word))
        {
            var prospective = i + 2 < tokens.Count && ProspectiveWords.Contains(tokens[i + 1].Text)
                && (tokens[i + 1].Text.Equals("to", StringComparison.OrdinalIgnoreCase) || tokens[i + 2].Text.Equals("to", StringComparison.OrdinalIgnoreCase));
            return prospective ? TenseDirection.Future : TenseDirection.Present;
        }

        return PastWords.Contains(word) || verbs.IsPastForm(word) ? TenseDirection.Past : null;
    }
}
