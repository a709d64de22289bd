using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>A sentence's UTF-16 span in the article.</summary>
internal readonly record struct SentenceSpan(int Start, int End);

/// <summary>Splits at line breaks and at . ! ? followed by a capital, quote or digit, except after abbreviations and initials.</summary>
internal sealed class SentenceSplitter
{
    /// <summary>
    /// Runs without a boundary longer than this are cut at a space. The per-sentence rules pair triggers, names and
    /// dates, so their cost grows with the square of a sentence's length: a 10 MB line with no full stop took hours.
    /// No real sentence comes near this length.
    /// </summary>
    internal const int MaxSentenceLength = 1_000;

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

        if (end - start > MaxSentenceLength)
        {
            var cut = Cut(text, start);
            Add(sentences, text, start, cut);
            Add(sentences, text, cut, end);
        }
        else if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end));
        }
    }

    /// <summary>Where to cut an over-long run: its last space in the second half of the window, else the window's end (never inside a surrogate pair).</summary>
    private static int Cut(string text, int start)
    {
        var limit = start + MaxSentenceLength;
        var space = text.LastIndexOf(' ', limit, MaxSentenceLength / 2);
        if (space > start)
        {
            return space;
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
