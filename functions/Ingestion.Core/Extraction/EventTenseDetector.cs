using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Whether the text places an event before the publication by its verb form alone: a perfect ("has amassed",
/// "had left"), a past auxiliary ("was attended") or a past-tense verb ("unveiled"), with no modal or present
/// auxiliary governing it ("will visit", "is expected"). The auxiliaries are in auxiliaries.tsv.
/// </summary>
internal sealed class EventTenseDetector(VerbLexicon lexicon)
{
    private readonly Dictionary<string, string> roles = ExtractionData.ReadMap("auxiliaries.tsv");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool PlacesBefore(List<Token> tokens, Trigger trigger)
    {
        if (trigger.Entry.IsNoun)
        {
            return false;
        }

        for (var i = trigger.FirstToken - 1; i >= 0; i--)
        {
            var word = tokens[i].Text;
            if (!roles.TryGetValue(word, out var role))
            {
                if (word.EndsWith("ly", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                break;
            }

            switch (role)
            {
                case "perfect":
                case "past":
                    return true;
                case "present":
                case "modal":
                    return false;
            }
        }

        var form = tokens[trigger.FirstToken].Text;
        return roles.TryGetValue(form, out var own) ? own == "past" : lexicon.IsPastForm(form) || trigger.Entry.IsPast;
    }
}
