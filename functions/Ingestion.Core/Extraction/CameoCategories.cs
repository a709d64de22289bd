namespace Ingestion.Core.Extraction;

/// <summary>The 20 CAMEO root categories, from Data/cameo-roots.tsv, looked up by code or by label.</summary>
public static class CameoCategories
{
    public static IReadOnlyDictionary<string, CameoCategory> ByCode { get; } =
        ExtractionData.ReadTable("cameo-roots.tsv", 2)
            .Where(row => row[0] != "code")
            .ToDictionary(row => row[0], row => new CameoCategory(row[0], row[1]), StringComparer.Ordinal);

    /// <summary>A category by its code ("04", "4") or its label ("CONSULT", "consult"), or null.</summary>
    public static CameoCategory? Find(string codeOrLabel)
    {
        var text = codeOrLabel.Trim();
        if (text.Length == 1 && char.IsAsciiDigit(text[0]))
        {
            text = "0" + text;
        }

        return ByCode.TryGetValue(text, out var byCode)
            ? byCode
            : ByCode.Values.FirstOrDefault(category => string.Equals(category.Label, text, StringComparison.OrdinalIgnoreCase));
    }
}
