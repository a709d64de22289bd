using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>An event trigger: its token span in the sentence and lexicon entry (Code null when untyped).</summary>
internal readonly record struct Trigger(int FirstToken, int LastToken, TriggerEntry Entry);

/// <summary>
/// Marks event triggers: verbs and eventive nouns from the lexicon, two-word nouns ("phone call"),
/// main-verb "be"/"have" (not auxiliaries), and unknown lower-case words shaped like participles or gerunds.
/// Words inside names or temporal expressions, and those in event-stopwords.txt, are never triggers.
/// </summary>
internal sealed class EventTriggerRecognizer(VerbLexicon lexicon)
{
    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having" };
    private static readonly HashSet<string> SkippedAdverbs = new(StringComparer.OrdinalIgnoreCase) { "not", "n't", "also", "still", "already", "never", "just", "now", "only", "then", "previously", "recently", "ever", "again", "since" };
    private readonly HashSet<string> stopwords = new(ExtractionData.ReadWords("event-stopwords.txt"), StringComparer.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Trigger> Recognize(List<Token> tokens, Func<Token, bool> isCovered)
    {
        var triggers = new List<Trigger>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsNamedEventHead(tokens, i, out var named))
            {
                triggers.Add(new Trigger(i, i, named));
                continue;
            }

            if (!token.IsWord || isCovered(token) || stopwords.Contains(token.Text) || (token.IsCapitalized && i > 0 && !IsAfterOpening(tokens, i)))
            {
                continue;
            }

            if (i + 1 < tokens.Count && lexicon.TryGetPhrase(token.Text, tokens[i + 1].Text, out var phrase))
            {
                triggers.Add(new Trigger(i, i + 1, phrase));
                i++;
            }
            else if (BeForms.Contains(token.Text))
            {
                if (IsMainVerb(tokens, i))
                {
                    triggers.Add(new Trigger(i, i, new TriggerEntry(token.Text.ToLowerInvariant(), null, IsNoun: false, IsPast: false)));
                }
            }
            else if (lexicon.TryGet(token.Text, out var entry))
            {
                triggers.Add(new Trigger(i, i, entry));
            }
            else if (IsVerbShaped(token.Text))
            {
                triggers.Add(new Trigger(i, i, new TriggerEntry(token.Text.ToLowerInvariant(), null, IsNoun: false, IsPast: token.Text.EndsWith("ed", StringComparison.Ordinal))));
            }
        }

        return triggers;
    }

    /// <summary>"Worldwide Developers Conference", "Air France Flight 447": an eventive noun heading a name is an event.</summary>
    private bool IsNamedEventHead(List<Token> tokens, int i, out TriggerEntry entry)
    {
        entry = default;
        return i > 0 && tokens[i].IsCapitalized && tokens[i - 1].IsCapitalized
            && lexicon.TryGet(tokens[i].Text, out entry) && entry.IsNoun;
    }

    private static bool IsAfterOpening(List<Token> tokens, int i) => tokens[i - 1].Text is "\"" or "“" or "‘" or "(" or ":";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsVerbShaped(string word) =>
        word.Length > 5 && char.IsLower(word[0])
        && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal));

    // "is the biggest contract" is an event; "is expected", "has begun", "is to" are auxiliaries.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsMainVerb(List<Token> tokens, int i)
    {
        var next = i + 1;
        while (next < tokens.Count && (SkippedAdverbs.Contains(tokens[next].Text) || tokens[next].Text.EndsWith("ly", StringComparison.Ordinal)))
        {
            next++;
        }

        if (next >= tokens.Count)
        {
            return true;
        }

        var word = tokens[next].Text;
        return !BeForms.Contains(word) && !word.Equals("to", StringComparison.OrdinalIgnoreCase) && !lexicon.IsParticipleOrGerund(word);
    }
}
