namespace Ingestion.Core.Geo;

/// <summary>A place a <c>location=</c> value stood for.</summary>
public sealed record ResolvedPlace(string Id, string Name, string CountryCode);

/// <summary>
/// What users type for places, against what the index stores: a <c>location=</c> value is a place id (GeoNames id,
/// country code, region code), a name or any alias, and an alias naming several places means them all.
/// </summary>
public static class PlaceNames
{
    /// <summary>How many same-named places one value may stand for, largest first ("Paris": France's, then Texas's…).</summary>
    public const int MaxResolved = 10;

    public static IReadOnlyList<ResolvedPlace> Resolve(string location, GeoGazetteer gazetteer)
    {
        var trimmed = location.Trim();
        if (gazetteer.TryGet(trimmed, out var byId) || gazetteer.TryGet(trimmed.ToUpperInvariant(), out byId))
        {
            return [ToResolved(byId)];
        }

        return gazetteer.Lookup(trimmed)
            .OrderByDescending(c => c.Primary)
            .ThenByDescending(c => c.Feature.Population)
            .Take(MaxResolved)
            .Select(c => ToResolved(c.Feature))
            .DistinctBy(p => p.Id)
            .ToList();
    }

    /// <summary>The index keys a value matches: its places' ids, and the value itself for places stored unresolved by name.</summary>
    public static IReadOnlyList<string> Keys(string location, GeoGazetteer gazetteer) =>
        [.. Resolve(location, gazetteer).Select(p => p.Id).Append(location.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether a search matches a name of the place: a prefix of the name or of any of its words, ignoring case and accents.</summary>
    public static bool Matches(string search, IEnumerable<string> names)
    {
        var folded = GeoGazetteer.Fold(search);
        return folded.Length == 0 || names.Select(GeoGazetteer.Fold).Any(name => name.StartsWith(folded, StringComparison.Ordinal) || name.Contains(" " + folded, StringComparison.Ordinal));
    }

    private static ResolvedPlace ToResolved(GeoFeature feature) => new(feature.Id, feature.Name, feature.CountryCode);
}
