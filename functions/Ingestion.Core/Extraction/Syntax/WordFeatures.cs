using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>The hashed forms of a sentence's words that the tagger and the parser look at, computed once.</summary>
internal sealed class WordFeatures
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WordFeatures(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Count = words.Count;
        Word = new ulong[Count];
        Suffix = new ulong[Count];
        Prefix = new ulong[Count];
        Shape = new ulong[Count];
        for (var i = 0; i < Count; i++)
        {
            var word = words[i].AsSpan();
            Word[i] = FeatureHash.Word(word);
            Suffix[i] = FeatureHash.Word(word[Math.Max(0, word.Length - 3)..]);
            Prefix[i] = FeatureHash.Word(word[..Math.Min(1, word.Length)]);
            Shape[i] = FeatureHash.Number(ShapeOf(word));
        }
    }

    public int Count { get; }

    /// <summary>The lower-cased word.</summary>
    public ulong[] Word { get; }

    /// <summary>The last three letters.</summary>
    public ulong[] Suffix { get; }

    public ulong[] Prefix { get; }

    /// <summary>Capitalization, digits, hyphens and punctuation in one small number.</summary>
    public ulong[] Shape { get; }

    private static int ShapeOf(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || !char.IsLetterOrDigit(word[0]))
        {
            return 1;
        }

        var upper = 0;
        var digits = false;
        var hyphen = false;
        foreach (var c in word)
        {
            upper += char.IsUpper(c) ? 1 : 0;
            digits |= char.IsDigit(c);
            hyphen |= c == '-';
        }

        var casing = upper == 0 ? 0 : upper == word.Length ? 1 : char.IsUpper(word[0]) ? 2 : 3;
        return 2 + casing + (digits ? 4 : 0) + (hyphen ? 8 : 0);
    }
}
