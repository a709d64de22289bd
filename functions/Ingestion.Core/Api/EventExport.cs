using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Api;

/// <summary>The answer formats of /api/events and /api/events/summary besides JSON.</summary>
public enum ExportFormat
{
    Json,

    /// <summary>A header row, then one row per event or bucket; lists joined with "; ".</summary>
    Csv,

    /// <summary>A FeatureCollection: events with coordinates, or place buckets, each a Point with its fields as properties.</summary>
    GeoJson,
}

/// <summary>
/// Writes events and summaries as CSV (for spreadsheets) and GeoJSON (for QGIS and web maps), as ACLED and GDELT's GEO
/// API do. Events stream page by page, so an export of any size holds one page in memory. An event is placed at its
/// first place with coordinates; events without one are left out of GeoJSON (and have empty coordinates in CSV).
/// Properties are serialized to elements first: JsonSerializer.Serialize on a writer flushes it synchronously, which
/// a server's response stream refuses.
/// </summary>
public static class EventExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string GeoJsonContentType = "application/geo+json";

    private static readonly string[] EventColumns =
    [
        "id", "date", "dateValue", "precision", "dateSource", "dateText", "typeCode", "typeLabel", "trigger", "modality", "negated",
        "actors", "targets", "locations", "placeId", "latitude", "longitude", "countryCode", "sentence", "article", "articlePublished", "extractorVersion",
    ];

    private static readonly string[] BucketColumns = ["key", "label", "count", "name", "countryCode", "latitude", "longitude", "featureKind", "byType"];

    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<IReadOnlyList<EventRecord>> pages, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', EventColumns));
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var e in page)
            {
                var place = e.Locations.FirstOrDefault(p => p.Latitude is not null);
                await writer.WriteLineAsync(Row(
                    e.Id, e.Date, e.DateValue, Name(e.Precision), Name(e.DateSource), e.DateText, e.Type?.Code, e.Type?.Label, e.Trigger, Name(e.Modality),
                    e.Negated ? "true" : "false", Names(e.Actors.Select(a => a.Name)), Names(e.Targets.Select(a => a.Name)), Names(e.Locations.Select(p => p.Name)),
                    place?.Id, Number(place?.Latitude), Number(place?.Longitude), place?.CountryCode, e.Sentence, e.Article.Name, e.Article.Published, e.ExtractorVersion));
            }

            await writer.FlushAsync(cancellationToken);
        }
    }

    public static async Task WriteCsvAsync(Stream output, EventSummary summary, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', BucketColumns));
        foreach (var b in summary.Buckets)
        {
            var byType = b.ByType is null ? null : string.Join("; ", b.ByType.Select(pair => $"{pair.Key}:{pair.Value}"));
            await writer.WriteLineAsync(Row(
                b.Key, b.Label, b.Count.ToString(CultureInfo.InvariantCulture), b.Name, b.CountryCode, Number(b.Latitude), Number(b.Longitude),
                b.FeatureKind is { } kind ? Name(kind) : null, byType));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteGeoJsonAsync(Stream output, IAsyncEnumerable<IReadOnlyList<EventRecord>> pages, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        StartCollection(json);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var e in page)
            {
                if (e.Locations.FirstOrDefault(p => p.Latitude is not null && p.Longitude is not null) is not { } place)
                {
                    continue;
                }

                StartFeature(json, place.Longitude!.Value, place.Latitude!.Value);
                JsonSerializer.SerializeToElement(e, IngestionJson.Options).WriteTo(json);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        EndCollection(json);
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>A place summary as one Point per place with coordinates, its bucket as properties.</summary>
    public static async Task WriteGeoJsonAsync(Stream output, EventSummary summary, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        StartCollection(json);
        foreach (var bucket in summary.Buckets.Where(b => b.Latitude is not null && b.Longitude is not null))
        {
            StartFeature(json, bucket.Longitude!.Value, bucket.Latitude!.Value);
            JsonSerializer.SerializeToElement(bucket, IngestionJson.Options).WriteTo(json);
            json.WriteEndObject();
        }

        EndCollection(json);
        await json.FlushAsync(cancellationToken);
    }

    private static void StartCollection(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
    }

    private static void EndCollection(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Opens a Feature with its Point geometry (GeoJSON order: longitude, latitude) and leaves "properties" to be written.</summary>
    private static void StartFeature(Utf8JsonWriter json, double longitude, double latitude)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        json.WriteNumberValue(longitude);
        json.WriteNumberValue(latitude);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WritePropertyName("properties");
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Names(IEnumerable<string> names) => string.Join("; ", names);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One CSV row (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Row(params string?[] fields) => string.Join(',', fields.Select(field =>
        field is null ? string.Empty
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : field));
}
