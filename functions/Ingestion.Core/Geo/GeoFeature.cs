namespace Ingestion.Core.Geo;

/// <summary>What a gazetteer feature or a geocoded place is.</summary>
public enum FeatureKind
{
    Country,

    /// <summary>A country's first-level region: a state, province, oblast, voivodeship.</summary>
    Admin1,

    City,

    /// <summary>A site inside a town (an airport, a base), placed at that town.</summary>
    Place,
}

/// <summary>How precisely a place's coordinates locate it, as ACLED's geo-precision does.</summary>
public enum GeoPrecision
{
    Country,
    Admin1,
    City,
    Point,
}

/// <summary>
/// One gazetteer feature. <see cref="Id"/> is the GeoNames id for towns, the ISO 3166-1 code for countries ("PL")
/// and the GeoNames admin1 code for regions ("PL.80"): stable, and what the location index and the API key places by.
/// </summary>
public sealed record GeoFeature(
    string Id,
    string Name,
    FeatureKind Kind,
    string CountryCode,
    string? Admin1Code,
    double Latitude,
    double Longitude,
    long Population,
    bool IsCapital)
{
    /// <summary>The GeoNames id; the gazetteer's countries and regions come without one.</summary>
    public int? GeonameId => Kind == FeatureKind.City ? int.Parse(Id, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The id of the first-level region the feature lies in.</summary>
    public string? Admin1Id => Admin1Code is { Length: > 0 } code ? $"{CountryCode}.{code}" : null;
}
