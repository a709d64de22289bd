using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>A counted thing found in a sentence, with its span.</summary>
internal readonly record struct QuantityMention(int Start, int End, Quantity Quantity);

/// <summary>
/// Finds counts of things: "1,700 soldiers" is 1700 soldiers, "about 100,000 of its forces" 100000 forces,
/// "4,000 US soldiers" skips the capitalized qualifier, "2.5 million barrels" multiplies.
/// </summary>
internal static partial class QuantityRecognizer
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}$£€#.,])(?:(?i:about|around|some|nearly|almost|over|more\s+than|up\s+to|at\s+least|roughly|approximately)\s+)?(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<mult>million|billion|thousand|hundred))?\s+(?:of\s+(?:its|their|the|his|her|our)\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,2}(?<unit>\p{Ll}[\p{Ll}-]+)", RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();

    private static readonly HashSet<string> NotUnits = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "at", "to", "and", "or", "the", "a", "an", "for", "from", "by", "with", "was", "were", "is", "are", "has", "have", "had", "as", "than", "that", "which",
    };

    public static List<QuantityMention> Recognize(string text, SentenceSpan sentence, Func<int, int, bool> isTemporal)
    {
        var found = new List<QuantityMention>();
        for (var m = Pattern().Match(text, sentence.Start, sentence.End - sentence.Start); m.Success; m = m.NextMatch())
        {
            var unit = m.Groups["unit"].Value;
            var number = m.Groups["num"];
            if (NotUnits.Contains(unit) || isTemporal(number.Index, number.Index + number.Length))
            {
                continue;
            }

            var value = decimal.Parse(number.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            value *= m.Groups["mult"].Value switch
            {
                "billion" => 1_000_000_000m,
                "million" => 1_000_000m,
                "thousand" => 1_000m,
                "hundred" => 100m,
                _ => 1m,
            };
            found.Add(new QuantityMention(m.Index, m.Index + m.Length, new Quantity(value, unit, m.Value)));
        }

        return found;
    }
}
