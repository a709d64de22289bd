using System.Numerics;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Extraction;

/// <summary>Orders extractor versions such as <c>rules-1.9</c> and <c>rules-1.10</c>: runs of digits compare as numbers, the rest as text.</summary>
public static partial class ExtractorVersions
{
    /// <summary>Negative when <paramref name="version"/> comes before <paramref name="other"/>; a missing version comes before any.</summary>
    public static int Compare(string? version, string other)
    {
        if (version is null)
        {
            return -1;
        }

        var left = Parts().Matches(version);
        var right = Parts().Matches(other);
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var (a, b) = (left[i].Value, right[i].Value);
            var order = char.IsAsciiDigit(a[0]) && char.IsAsciiDigit(b[0])
                ? BigInteger.Parse(a, System.Globalization.CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b, System.Globalization.CultureInfo.InvariantCulture))
                : string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    [GeneratedRegex(@"\d+|\D+")]
    private static partial Regex Parts();
}
