using Ingestion.Core.Extraction;

namespace Ingestion.Core.Geo;

/// <summary>
/// Puts an article's places on the map. Each name's candidates in the gazetteer are scored together, with the article
/// as context: population is the prior; a town's own name beats an alias; the countries the article names (by name,
/// demonym, capital or a person's country), the regions it names and the other places near a candidate all raise it.
/// "Paris" in an article about Texas is Paris, Texas. A name with a kind word ("Kharkiv region", "Rzeszow-Jasionka
/// Airport") is looked up without the word. A name the gazetteer lacks keeps its name and says why; when the extractor
/// knew its country it is placed there at country precision.
/// </summary>
public sealed class Geocoder(GeoGazetteer gazetteer)
{
    /// <summary>Places closer than this to another place of the article count as near each other.</summary>
    private const double NearKilometres = 400;

    // Regions and seas the extraction gazetteer lists with no country ("-" in places.tsv): Europe, Middle East, Black Sea.
    private readonly HashSet<string> spanning = new(
        ExtractionData.ReadTable("places.tsv", 2).Where(row => row[1] == "-").Select(row => row[0]), StringComparer.OrdinalIgnoreCase);

    public static Geocoder Shared { get; } = new(GeoGazetteer.Shared);

    /// <summary>The events with their places geocoded; <paramref name="entities"/> are the article's names, its context.</summary>
    public IReadOnlyList<ExtractedEvent> Locate(IReadOnlyList<ExtractedEvent> events, IReadOnlyList<EntityMention> entities)
    {
        var places = events.SelectMany(e => e.Places).ToList();
        if (places.Count == 0)
        {
            return events;
        }

        var located = Locate(places, entities);
        return events.Select(e => e.Places.Count == 0 ? e : e with { Places = e.Places.Select(p => located[(p.Name, p.CountryCode)]).ToList() }).ToList();
    }

    /// <summary>Geocodes places named in one article, all together, keyed by name and the extractor's country.</summary>
    public IReadOnlyDictionary<(string Name, string? CountryCode), Place> Locate(IReadOnlyList<Place> places, IReadOnlyList<EntityMention> entities)
    {
        var context = new ArticleContext(entities);
        var named = places.Select(p => (p.Name, p.CountryCode)).Distinct().ToList();
        var queries = named.ConvertAll(p => new Query(p.Name, p.CountryCode ?? context.CountryOf(p.Name)));

        // The article's other place names (Texas, when only Paris is an event's place) are context too.
        var others = entities.Where(e => e.Type == EntityType.Location).Select(e => new Query(e.CanonicalName, e.CountryCode))
            .Where(q => !queries.Exists(p => p.Key == q.Key)).DistinctBy(q => q.Key);

        // First each name alone, then each with where the others first landed: places agree on a region or lie near each other.
        var landmarks = new List<(string Key, GeoFeature Feature)>();
        foreach (var query in queries.Concat(others))
        {
            if (Best(query, context, []) is { } first)
            {
                landmarks.Add((query.Key, first.Feature));
            }
        }

        var located = new Dictionary<(string Name, string? CountryCode), Place>();
        for (var i = 0; i < named.Count; i++)
        {
            located[named[i]] = ToPlace(queries[i], Best(queries[i], context, landmarks));
        }

        return located;
    }

    private (GeoFeature Feature, FeatureKind Kind)? Best(Query query, ArticleContext context, List<(string Key, GeoFeature Feature)> landmarks)
    {
        if (spanning.Contains(query.Name))
        {
            return null;
        }

        var (candidates, wanted) = Candidates(query);

        // A name the extraction gazetteer places in a country is not a same-named town elsewhere (Heathrow is not Heathrow, Florida).
        if (query.Hint is { } hint && !candidates.Any(c => c.Feature.CountryCode == hint))
        {
            return null;
        }
        (GeoFeature Feature, FeatureKind Kind)? best = null;
        var bestScore = double.MinValue;
        foreach (var (feature, primary) in candidates)
        {
            var score = Math.Log10(feature.Population + 10)
                + (primary ? 1.5 : 0)
                + (feature.IsCapital ? 0.5 : 0)
                + (feature.Kind == FeatureKind.Country ? 1 : 0)
                + (feature.Kind == FeatureKind.Admin1 ? (wanted == FeatureKind.Admin1 ? 3 : -2.5) : 0)
                + (feature.CountryCode == query.Hint ? 2 : 0)
                + (1.5 * Math.Min(3, context.Mentions(feature.CountryCode, query.Key)))
                + (feature.Admin1Id is { } region && landmarks.Exists(l => l.Key != query.Key && l.Feature.Id == region) ? 3 : 0)
                + (feature.Kind == FeatureKind.City && landmarks.Exists(l => l.Key != query.Key && l.Feature.Kind == FeatureKind.City && Kilometres(l.Feature, feature) < NearKilometres) ? 1.5 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = (feature, wanted == FeatureKind.Place ? FeatureKind.Place : feature.Kind);
            }
        }

        return best;
    }

    /// <summary>The name's candidates; failing that, the name without its kind word, and for a site, its words one by one.</summary>
    private (IReadOnlyList<(GeoFeature Feature, bool Primary)> Candidates, FeatureKind? Wanted) Candidates(Query query)
    {
        var direct = gazetteer.Lookup(query.Name);
        var folded = GeoGazetteer.Fold(query.Name);
        foreach (var (word, kind) in GeoGazetteer.FeatureWords.Value)
        {
            if (!folded.EndsWith(" " + word, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = folded[..^(word.Length + 1)];
            var found = gazetteer.Lookup(stem);
            if (found.Count == 0 && kind == FeatureKind.Place)
            {
                // "Rzeszow Jasionka Airport": the site's town is one of its words, the first that names a town (in its country, when known).
                found = stem.Split(' ')
                    .Select(w => gazetteer.Lookup(w).Where(c => c.Feature.Kind == FeatureKind.City && (query.Hint is null || c.Feature.CountryCode == query.Hint)).ToList())
                    .FirstOrDefault(c => c.Count > 0) ?? [];
            }

            if (found.Count > 0)
            {
                return (direct.Count > 0 && kind == FeatureKind.Admin1 ? [.. direct, .. found] : found, kind);
            }
        }

        return (direct, null);
    }

    private Place ToPlace(Query query, (GeoFeature Feature, FeatureKind Kind)? best)
    {
        var place = new Place(query.Name, query.Hint);
        if (spanning.Contains(query.Name))
        {
            return place with { Unresolved = $"'{query.Name}' spans several countries: it has no one place." };
        }

        if (best is { Feature: var feature, Kind: var kind })
        {
            return place with
            {
                CountryCode = feature.CountryCode,
                Id = feature.Id,
                GeonameId = feature.GeonameId,
                Latitude = feature.Latitude,
                Longitude = feature.Longitude,
                FeatureKind = kind,
                Admin1 = feature.Kind == FeatureKind.Admin1 ? feature.Name : gazetteer.RegionName(feature),
                Precision = feature.Kind switch
                {
                    FeatureKind.Country => GeoPrecision.Country,
                    FeatureKind.Admin1 => GeoPrecision.Admin1,
                    _ => kind == FeatureKind.Place ? GeoPrecision.City : GeoPrecision.Point,
                },
            };
        }

        if (query.Hint is { } code && gazetteer.TryGet(code, out var country))
        {
            return place with
            {
                Latitude = country.Latitude,
                Longitude = country.Longitude,
                Precision = GeoPrecision.Country,
                Unresolved = $"'{query.Name}' is not in the gazetteer; placed at the centre of its country ({code}).",
            };
        }

        return place with { Unresolved = $"'{query.Name}' is not in the gazetteer, and no country is known for it." };
    }

    private static double Kilometres(GeoFeature a, GeoFeature b)
    {
        const double EarthRadius = 6371;
        var (lat1, lat2) = (a.Latitude * Math.PI / 180, b.Latitude * Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A name to resolve and the country the extractor or the article gave it.</summary>
    private sealed record Query(string Name, string? Hint)
    {
        public string Key { get; } = GeoGazetteer.Fold(Name);
    }

    /// <summary>The countries an article names, with how often, and which name gave each mention.</summary>
    private sealed class ArticleContext
    {
        private readonly List<(string Key, string CountryCode)> _mentions;
        private readonly Dictionary<string, string> _countryOf = new(StringComparer.Ordinal);

        public ArticleContext(IReadOnlyList<EntityMention> entities)
        {
            _mentions = entities.Where(e => e.CountryCode is not null).Select(e => (GeoGazetteer.Fold(e.CanonicalName), e.CountryCode!)).ToList();
            foreach (var (key, code) in _mentions)
            {
                _countryOf.TryAdd(key, code);
            }
        }

        /// <summary>How often the article names the country, not counting the name being resolved ("Georgia" is no evidence for Georgia).</summary>
        public int Mentions(string countryCode, string exceptKey) => _mentions.Count(m => m.CountryCode == countryCode && m.Key != exceptKey);

        /// <summary>The country the extractor gave a name elsewhere in the article.</summary>
        public string? CountryOf(string name) => _countryOf.GetValueOrDefault(GeoGazetteer.Fold(name));
    }
}
