using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Core.Merging;

/// <summary>
/// The MergedEvents table's keys. A merged event's key is <c>{day}_{hash}</c>: the day partition it lives in and a
/// hash of its signature (<see cref="EventMatcher.Signature"/>), so every article computes the same key for the same
/// happening without reading anything, and two articles written at once meet on the same row.
/// </summary>
public static class MergedEventKeys
{
    /// <summary>The one column of event rows (and their index copies) naming the merged event a mention belongs to.</summary>
    public const string MergedKeyColumn = "MergedKey";

    private const char KeySeparator = '_';
    private const char ContributionSeparator = '|';

    /// <summary>Sorts after every character of a merged event's row keys (hex digits and '|').</summary>
    private const char RangeEnd = '~';

    /// <summary>The key of the merged event with this signature on this day: 64 bits of SHA-256 of the signature.</summary>
    public static string Key(string day, string signature) =>
        Compose(day, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)).AsSpan(0, 8)));

    /// <summary>The key of the merged row with these keys.</summary>
    public static string Compose(string day, string row) => $"{day}{KeySeparator}{row}";

    /// <summary>Splits a key into its partition (the day) and the merged row's row key; false for anything else.</summary>
    public static bool TryParse(string? key, out string day, out string row)
    {
        (day, row) = (string.Empty, string.Empty);
        var separator = key?.IndexOf(KeySeparator, StringComparison.Ordinal) ?? -1;
        if (key is null || separator < 0 || !Storage.TableKeys.TryParseDate(key[..separator], out _))
        {
            return false;
        }

        (day, row) = (key[..separator], key[(separator + 1)..]);
        return row.Length == 16 && row.All(char.IsAsciiHexDigitLower);
    }

    /// <summary>One article's share of a merged event: beside the merged row, in its partition.</summary>
    public static string ContributionRow(string row, string articleKey) => $"{row}{ContributionSeparator}{articleKey}";

    /// <summary>The row keys of a merged event's rows: its own and its contributions'.</summary>
    public static (string From, string To) Rows(string row) => (row, row + RangeEnd);

    /// <summary>The article's listing: the merged events it contributes to, one row each keyed by merged key.</summary>
    public static string ArticlePartition(string articleKey) => $"article{ContributionSeparator}{articleKey}";
}
