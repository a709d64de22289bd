using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>A counted thing found in a sentence, with its span.</summary>
internal readonly record struct QuantityMention(int Start, int End, Quantity Quantity);

/// <summary>
/// Finds counts of things at number tokens: "1,700 soldiers" is 1700 soldiers, "about 100,000 of its forces"
/// 100000 forces, "4,000 US soldiers" skips the capitalized qualifier, "2.5 million barrels" multiplies.
/// </summary>
internal static class QuantityRecognizer
{
    private static readonly Regex Pattern = new(@"^(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<mult>million|billion|thousand|hundred))?\s+(?:of\s+(?:its|their|the|his|her|our)\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,2}(?<unit>\p{Ll}[\p{Ll}-]+)", RegexOptions.ExplicitCapture | RegexOptions.Compiled);

    /// <summary>Hedges kept in the quantity's text ("about 100,000").</summary>
    private static readonly string[][] Approximations =
        [["about"], ["around"], ["some"], ["nearly"], ["almost"], ["over"], ["roughly"], ["approximately"], ["more", "than"], ["up", "to"], ["at", "least"]];

    private static readonly HashSet<string> NotUnits = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "at", "to", "and", "or", "the", "a", "an", "for", "from", "by", "with", "was", "were", "is", "are", "has", "have", "had", "as", "than", "that", "which",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<QuantityMention> Recognize(string text, SentenceSpan sentence, List<Token> tokens, Func<int, int, bool> isTemporal)
    {
        var found = new List<QuantityMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!char.IsDigit(token.Text[0]) || (token.Start > 0 && text[token.Start - 1] is '$' or '£' or '€' or '#' or '.' or ','))
            {
                continue;
            }

            var m = Pattern.Match(text, token.Start, sentence.End - token.Start);
            var unit = m.Groups["unit"].Value;
            if (!m.Success || NotUnits.Contains(unit) || isTemporal(token.Start, token.End))
            {
                continue;
            }

            var value = decimal.Parse(m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            value *= m.Groups["mult"].Value switch
            {
                "billion" => 1_000_000_000m,
                "million" => 1_000_000m,
                "thousand" => 1_000m,
                "hundred" => 100m,
                _ => 1m,
            };
            var start = HedgeStart(tokens, i);
            var end = m.Index + m.Length;
            found.Add(new QuantityMention(start, end, new Quantity(value, unit, text[start..end])));
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HedgeStart(List<Token> tokens, int number)
    {
        foreach (var words in Approximations)
        {
            var first = number - words.Length;
            if (first >= 0 && words.Select((w, k) => tokens[first + k].Text.Equals(w, StringComparison.OrdinalIgnoreCase)).All(same => same))
            {
                return tokens[first].Start;
            }
        }

        return tokens[number].Start;
    }
}
