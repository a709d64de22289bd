using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>A word, number or punctuation mark with its UTF-16 span in the article.</summary>
internal readonly record struct Token(int Start, int End, string Text)
{
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    public bool IsWord => Text.Length > 0 && char.IsLetter(Text[0]);
}

internal static class Tokenizer
{
    // Numbers keep their separators (1,700; 3.5), dotted abbreviations stay whole (U.S.), words keep inner hyphens and apostrophes.
    // Compiled rather than source-generated here and in the other per-sentence patterns: it is optimized once at load
    // instead of running unoptimized and instrumented code while the first articles are extracted.
    private static readonly Regex TokenPattern = new(@"\d+(?:[.,:]\d+)*|\p{L}\.(?:\p{L}\.)+|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*|\S", RegexOptions.Compiled);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        foreach (var match in TokenPattern.EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var s = start + match.Index;
            tokens.Add(new Token(s, s + match.Length, text.Substring(s, match.Length)));
        }

        return tokens;
    }
}
