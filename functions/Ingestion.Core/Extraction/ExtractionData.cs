using System.Reflection;

namespace Ingestion.Core.Extraction;

/// <summary>Reads the word lists embedded from Extraction/Data. Blank lines and lines starting with '#' are skipped.</summary>
internal static class ExtractionData
{
    private const string Prefix = "Ingestion.Core.Extraction.Data.";

    public static IEnumerable<string> ReadLines(string fileName)
    {
        using var stream = typeof(ExtractionData).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"Embedded extraction data '{fileName}' is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>Tab-separated rows; missing trailing cells come back as empty strings.</summary>
    public static IEnumerable<string[]> ReadTable(string fileName, int columns) =>
        ReadLines(fileName).Select(line =>
        {
            var cells = line.Split('\t');
            return cells.Length >= columns ? cells : [.. cells, .. Enumerable.Repeat(string.Empty, columns - cells.Length)];
        });

    /// <summary>Whitespace-separated words from every line.</summary>
    public static IEnumerable<string> ReadWords(string fileName) =>
        ReadLines(fileName).SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A two-column table as a case-insensitive map; the first row for a key wins.</summary>
    public static Dictionary<string, string> ReadMap(string fileName)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ReadTable(fileName, 2))
        {
            map.TryAdd(row[0], row[1]);
        }

        return map;
    }

    /// <summary>Keys of a map as a regex alternation, longest first so "Sept" wins over "Sep".</summary>
    public static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(System.Text.RegularExpressions.Regex.Escape));
}
