using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Reads modality from cue words in the few words before a trigger, within its clause:
/// "is due to visit" is Planned, "denies its intention to invade" Denied, "did not attend" negated.
/// </summary>
internal sealed class ModalityDetector
{
    private const int Window = 4;
    // Punctuation a modal cue does not reach across on its way back from the trigger.
    private static readonly HashSet<string> ModalScopeBreaks = new(StringComparer.Ordinal) { ",", ";", ":", ".", "\"", "“", "”", "(", ")" };
    /// <summary>Cues by their first word.</summary>
    private readonly Dictionary<string, List<(string[] Words, string Kind)>> cues = new(StringComparer.OrdinalIgnoreCase);

    public ModalityDetector()
    {
        foreach (var row in ExtractionData.ReadTable("modality.tsv", 2))
        {
            var words = row[0].Split(' ');
            if (!cues.TryGetValue(words[0], out var list))
            {
                cues[words[0]] = list = [];
            }

            list.Add((words, row[1]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (Modality Modality, bool Negated) At(List<Token> tokens, int triggerIndex)
    {
        var start = triggerIndex;
        while (start > 0 && triggerIndex - start < Window && !ModalScopeBreaks.Contains(tokens[start - 1].Text))
        {
            start--;
        }

        bool denied = false, planned = false, possible = false, negated = false;
        for (var i = start; i < triggerIndex; i++)
        {
            // Contractions stay one token: "didn't", "won't".
            negated |= tokens[i].Text.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || tokens[i].Text.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);
            if (!cues.TryGetValue(tokens[i].Text, out var candidates))
            {
                continue;
            }

            foreach (var (words, kind) in candidates)
            {
                if (Matches(tokens, i, triggerIndex, words))
                {
                    denied |= kind == "Denied";
                    planned |= kind == "Planned";
                    possible |= kind == "Possible";
                    negated |= kind == "Negated";
                }
            }
        }

        var modality = denied ? Modality.Denied : planned ? Modality.Planned : possible ? Modality.Possible : Modality.Asserted;
        return (modality, denied || negated);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Matches(List<Token> tokens, int at, int limit, string[] words)
    {
        if (at + words.Length > limit)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens[at + k].Text.Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
