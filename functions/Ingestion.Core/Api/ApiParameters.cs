using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Ingestion.Core.Api;

/// <summary>
/// The query parameters of each route, declared once: the local host binds them with [AsParameters] so the OpenAPI
/// document lists them, and the handlers accept exactly these names (anything else is refused).
/// </summary>
public sealed record EventsParameters(
    [property: FromQuery(Name = "from"), Description("First day, inclusive: YYYY-MM-DD.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = "type"), Description("CAMEO root category, code (04) or label (CONSULT); repeat for any of several.")] string[]? Type,
    [property: FromQuery(Name = "actor"), Description("A party to the event (actor or target): an actor id, canonical name or any alias (Macron, President Macron), case- and accent-insensitive; an alias of several actors matches them all (see resolvedActors).")] string? Actor,
    [property: FromQuery(Name = "location"), Description("A place of the event: its id (GeoNames id, country code, region code such as PL.80), name or any alias, case- and accent-insensitive; an alias naming several places matches them all (see resolvedPlaces).")] string? Location,
    [property: FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 code of an actor's or a place's country.")] string? Country,
    [property: FromQuery(Name = "article"), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = "precision"), Description("Only events dated to this precision: day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = "coded"), Description(ParameterDescriptions.Coded)] string? Coded,
    [property: FromQuery(Name = "distinct"), Description(ParameterDescriptions.Distinct)] string? Distinct,
    [property: FromQuery(Name = "limit"), Description("Events per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = "continuationToken"), Description("The token of the previous page, as returned.")] string? ContinuationToken,
    [property: FromQuery(Name = "format"), Description("json (default); csv (also with Accept: text/csv): a header row, then every page's events; geojson: a FeatureCollection of the events with coordinates, each event's fields as properties. CSV and GeoJSON stream all pages, 'limit' at a time.")] string? Format)
{
    public static IReadOnlyList<string> Names { get; } = QueryNames<EventsParameters>();

    internal static IReadOnlyList<string> QueryNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name).ToList();
}

public sealed record SummaryParameters(
    [property: FromQuery(Name = "from"), Description("First day, inclusive: YYYY-MM-DD.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = "groupBy"), Description("day, week, month, type, actor (keyed by actor id, labelled with the name), location (by name), country or place (by place id, with name and coordinates).")] string? GroupBy,
    [property: FromQuery(Name = "type"), Description("CAMEO root category, code or label; repeatable.")] string[]? Type,
    [property: FromQuery(Name = "actor"), Description("A party to the event: an actor id, canonical name or any alias.")] string? Actor,
    [property: FromQuery(Name = "location"), Description("A place of the event: id, name or alias (see /api/events).")] string? Location,
    [property: FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 country code.")] string? Country,
    [property: FromQuery(Name = "article"), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = "precision"), Description("day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = "coded"), Description(ParameterDescriptions.Coded)] string? Coded,
    [property: FromQuery(Name = "distinct"), Description(ParameterDescriptions.Distinct)] string? Distinct,
    [property: FromQuery(Name = "limit"), Description("For type, actor, location, country and place: how many buckets, largest first (1-1000, default 100).")] string? Limit,
    [property: FromQuery(Name = "format"), Description("json (default); csv (also with Accept: text/csv): one row per bucket; geojson (with groupBy=place): one Point feature per place.")] string? Format)
{
    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<SummaryParameters>();
}

public sealed record PlacesParameters(
    [property: FromQuery(Name = "search"), Description("Prefix of a name or of a word of a name, any alias, case- and accent-insensitive ('rzes' finds Rzeszów). Omit for every place.")] string? Search,
    [property: FromQuery(Name = "from"), Description("First day, inclusive: YYYY-MM-DD. With 'to'; omit both for all time.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = "limit"), Description("How many places, most events first, 1-1000 (default 20).")] string? Limit)
{
    public const int DefaultLimit = 20;

    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<PlacesParameters>();
}

public sealed record ActorsParameters(
    [property: FromQuery(Name = "search"), Description("Actors with an alias that has a word starting with this, case- and accent-insensitive (mac, president mac).")] string? Search,
    [property: FromQuery(Name = "from"), Description("First day of the range the counts are taken over, inclusive: YYYY-MM-DD; with 'to'.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last day of that range, inclusive: YYYY-MM-DD; with 'from'. Without a range, counts are over all events, and 'search' is required.")] string? To,
    [property: FromQuery(Name = "limit"), Description("Actors to return, most events first, 1-1000 (default 20).")] string? Limit)
{
    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<ActorsParameters>();
}

public sealed record ArticlesParameters(
    [property: FromQuery(Name = "status"), Description("Only articles with this status: received, processing, processed, failed or deleted.")] string? Status,
    [property: FromQuery(Name = "limit"), Description("Articles per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = "continuationToken"), Description("The token of the previous page, as returned.")] string? ContinuationToken)
{
    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<ArticlesParameters>();
}

/// <summary>Descriptions shared by several routes' parameters.</summary>
internal static class ParameterDescriptions
{
    public const string Coded = "true (default): CAMEO-coded events only, with a type and an actor; false: the others only; any: all events.";

    public const string Distinct = "false (default): one row per mention, each with the mergedKey of its event; true: one row per merged event (the real-world happening, coded events only) with mentionCount, articleCount, articles, firstReported and its merged fields. JSON only.";
}
