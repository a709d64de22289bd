using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>A sentence's UTF-16 span in the article.</summary>
internal readonly record struct SentenceSpan(int Start, int End);

/// <summary>Splits at line breaks and at . ! ? followed by a capital, quote or digit, except after abbreviations and initials.</summary>
internal sealed class SentenceSplitter
{
    private readonly HashSet<string> abbreviations = new(ExtractionData.ReadWords("abbreviations.txt"), StringComparer.OrdinalIgnoreCase);

    // A bracket after a period continues the sentence: "6:40 p.m. (GMT +8)".
    private static readonly Regex Boundary = new(@"[.!?]+[""”’')\]]*(?=\s+[""“‘]?[\p{Lu}\d])|\n", RegexOptions.Compiled);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<SentenceSpan> Split(string text)
    {
        var sentences = new List<SentenceSpan>();
        var start = 0;
        foreach (var match in Boundary.EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            if (text[match.Index] != '\n' && IsAbbreviationBefore(text, match.Index))
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsAbbreviationBefore(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        // A single capital is an initial ("George W. Bush"); a dotted acronym ("U.S.") ends with a lone letter too.
        return (word.Length == 1 && char.IsUpper(word[0]))
            || abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(List<SentenceSpan> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end));
        }
    }
}
