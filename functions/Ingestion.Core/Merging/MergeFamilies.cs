using Ingestion.Core.Extraction;

namespace Ingestion.Core.Merging;

/// <summary>
/// Which CAMEO codes can be one happening (Extraction/Data/merge-families.tsv): a 036 "intend to meet" preview and
/// the 04x meeting it announced are one family; every other code is its root's family.
/// </summary>
public static class MergeFamilies
{
    private static readonly (string Prefix, string Family, bool Symmetric)[] Rules =
    [
        .. ExtractionData.ReadTable("merge-families.tsv", 3)
            .Where(row => row[0] != "prefix")
            .Select(row => (row[0], row[1], row[2].Equals("yes", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(rule => rule.Item1.Length),
    ];

    /// <summary>The family of a code (042 → 04, 036 → 04, 190 → 19), and whether its parties are compared as one set.</summary>
    public static (string Family, bool Symmetric) Of(string code)
    {
        foreach (var rule in Rules)
        {
            if (code.StartsWith(rule.Prefix, StringComparison.Ordinal))
            {
                return (rule.Family, rule.Symmetric);
            }
        }

        return (code.Length > 2 ? code[..2] : code, false);
    }
}
