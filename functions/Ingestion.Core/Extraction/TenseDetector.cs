namespace Ingestion.Core.Extraction;

/// <summary>
/// Guesses whether a date expression points back or forward from the nearest tense cue in its sentence:
/// "had spoken on Saturday" is the past Saturday, "is due to visit on Monday" the coming Monday.
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

    public TenseDirection At(IReadOnlyList<Token> tokens, int first, int last)
    {
        TenseDirection? best = null;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i >= first && i <= last)
            {
                continue;
            }

            var distance = i < first ? first - i : i - last;
            if (distance < bestDistance && Cue(tokens, i) is { } cue)
            {
                best = cue;
                bestDistance = distance;
            }
        }

        return best ?? TenseDirection.Present;
    }

    private TenseDirection? Cue(IReadOnlyList<Token> tokens, int i)
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
