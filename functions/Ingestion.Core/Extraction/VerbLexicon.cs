using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>
/// An event trigger word: its lemma, CAMEO code as deep as the lexicon gives it (042, or the root 04; null when
/// untyped) and whether it is a noun. <see cref="Code"/> is the root category.
/// </summary>
internal readonly record struct TriggerEntry(string Lemma, string? EventCode, bool IsNoun, bool IsPast)
{
    public string? Code => EventCode?[..2];
}

/// <summary>
/// Event verbs and nouns from event-verbs.tsv and event-nouns.tsv with their inflections generated
/// (announce: announces, announced, announcing), so the data files list lemmas only. Codes are CAMEO codes of
/// 2 to 4 digits whose first two are the root.
/// </summary>
internal sealed class VerbLexicon
{
    private readonly Dictionary<string, TriggerEntry> forms = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TriggerEntry> phrases = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> phraseHeads = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> nouns = new(StringComparer.OrdinalIgnoreCase);

    public VerbLexicon()
    {
        foreach (var row in ExtractionData.ReadTable("event-verbs.tsv", 3))
        {
            var code = row[1] == "-" ? null : row[1];
            foreach (var (form, isPast) in Inflections.Verb(row[0]))
            {
                forms.TryAdd(form, new TriggerEntry(row[0], code, IsNoun: false, isPast));
            }

            foreach (var form in row[2].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                forms.TryAdd(form, new TriggerEntry(row[0], code, IsNoun: false, IsPast: !form.EndsWith('s')));
            }
        }

        foreach (var row in ExtractionData.ReadTable("event-nouns.tsv", 2))
        {
            var code = row[1] == "-" ? null : row[1];
            nouns.Add(row[0]);
            var target = row[0].Contains(' ', StringComparison.Ordinal) ? phrases : forms;
            if (target == phrases)
            {
                phraseHeads.Add(row[0][..row[0].IndexOf(' ', StringComparison.Ordinal)]);
            }

            foreach (var form in new[] { row[0], Inflections.Plural(row[0]) })
            {
                target.TryAdd(form, new TriggerEntry(row[0], code, IsNoun: true, IsPast: false));
            }
        }
    }

    public bool TryGet(string form, out TriggerEntry entry) => forms.TryGetValue(form, out entry);

    /// <summary>Two-word triggers such as "phone call" or "test flight".</summary>
    public bool TryGetPhrase(string first, string second, out TriggerEntry entry)
    {
        entry = default;
        return phraseHeads.Contains(first) && phrases.TryGetValue(first + " " + second, out entry);
    }

    /// <summary>Whether event-nouns.tsv lists the word as an eventive noun.</summary>
    public bool IsEventNoun(string lemma) => nouns.Contains(lemma);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsPastForm(string word) => forms.TryGetValue(word, out var entry) && entry.IsPast;

    /// <summary>A listed verb's base form ("visit", not "visits" or the noun "visit" alone).</summary>
    public bool IsBaseForm(string word) => forms.TryGetValue(word, out var entry) && !entry.IsNoun && entry.Lemma.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A participle or gerund: listed as a past form, or shaped like one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsParticipleOrGerund(string word) =>
        IsPastForm(word) || (word.Length > 4 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Regular English inflection, generous where spelling is ambiguous (both "visited" and "visitted" are produced; only real words ever match).</summary>
internal static class Inflections
{
    private const string Vowels = "aeiou";

    public static IEnumerable<(string Form, bool IsPast)> Verb(string lemma)
    {
        yield return (lemma, false);
        yield return (Plural(lemma), false);
        var last = lemma[^1];
        if (last == 'e')
        {
            yield return (lemma + "d", true);
            yield return (lemma.EndsWith("ie", StringComparison.Ordinal) ? lemma[..^2] + "ying" : lemma[..^1] + "ing", false);
            yield break;
        }

        if (last == 'y' && lemma.Length > 1 && !Vowels.Contains(lemma[^2], StringComparison.Ordinal))
        {
            yield return (lemma[..^1] + "ied", true);
            yield return (lemma + "ing", false);
            yield break;
        }

        yield return (lemma + "ed", true);
        yield return (lemma + "ing", false);
        if (EndsConsonantVowelConsonant(lemma))
        {
            yield return (lemma + last + "ed", true);
            yield return (lemma + last + "ing", false);
        }
    }

    public static string Plural(string noun)
    {
        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        return noun.Length > 1 && noun[^1] == 'y' && !Vowels.Contains(noun[^2], StringComparison.Ordinal) ? noun[..^1] + "ies" : noun + "s";
    }

    private static bool EndsConsonantVowelConsonant(string w) =>
        w.Length >= 3 && !Vowels.Contains(w[^1], StringComparison.Ordinal) && "wxy".IndexOf(w[^1], StringComparison.Ordinal) < 0
        && Vowels.Contains(w[^2], StringComparison.Ordinal) && !Vowels.Contains(w[^3], StringComparison.Ordinal);
}
