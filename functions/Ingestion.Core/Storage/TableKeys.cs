using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Core.Storage;

/// <summary>
/// The table layout's keys. Events are partitioned by the first day of their date so a date range is a
/// PartitionKey range scan; row keys derive from the article and the event's index, so re-processing a blob
/// writes the same rows.
/// </summary>
public static class TableKeys
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The one row key an article's row has in the Articles table.</summary>
    public const string ArticleRowKey = "article";

    /// <summary>
    /// A key for a blob name. Blob names may hold characters keys forbid (/, \, #, ?, control characters) and run to
    /// 1,024 characters, so the key is a hash: 128 bits of SHA-256 in hex.
    /// </summary>
    public static string ArticleKey(string blobName)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(blobName), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static string EventPartitionKey(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string EventRowKey(string articleKey, int index) => $"{articleKey}-{index.ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>Bounds that select exactly one article's rows in an Events partition: [key-, key.), since '.' follows '-'.</summary>
    public static (string From, string To) EventRowKeyRange(string articleKey) => ($"{articleKey}-", $"{articleKey}.");

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
