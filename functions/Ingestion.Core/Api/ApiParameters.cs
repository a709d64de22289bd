using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ingestion.Core.Api;

/// <summary>The API's query parameter names, each written once: the records' [FromQuery] attributes and the handlers' error messages use these.</summary>
public static class QueryNames
{
    public const string From = "from";
    public const string To = "to";
    public const string Type = "type";
    public const string Actor = "actor";
    public const string Location = "location";
    public const string Country = "country";
    public const string Article = "article";
    public const string Precision = "precision";
    public const string Coded = "coded";
    public const string Distinct = "distinct";
    public const string Limit = "limit";
    public const string ContinuationToken = "continuationToken";
    public const string Format = "format";
    public const string GroupBy = "groupBy";
    public const string Search = "search";
    public const string Status = "status";
}

/// <summary>The date range and filters shared by <c>/api/events</c>, its summary and the CLI's export, read by one rule set.</summary>
public interface IEventFilterParameters
{
    string? From { get; }

    [SuppressMessage("Naming", "CA1716", Justification = "The API's parameter is 'to'; the records that implement this are C# only.")]
    string? To { get; }

    string[]? Type { get; }

    string? Actor { get; }

    string? Location { get; }

    string? Country { get; }

    string? Article { get; }

    string? Precision { get; }

    string? Coded { get; }

    string? Distinct { get; }
}

/// <summary>
/// The query parameters of each route, declared once as a record the handler takes: the local host binds it with
/// [AsParameters] (so the OpenAPI document lists each property), the Functions app with the record's <c>Bind</c>, which
/// reads the same [FromQuery] names. Values stay text so the handler can name a bad one in its 400 problem.
/// </summary>
public sealed record EventsParameters(
    [property: FromQuery(Name = QueryNames.From), Description("First day, inclusive: YYYY-MM-DD.")] string? From,
    [property: FromQuery(Name = QueryNames.To), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = QueryNames.Type), Description("CAMEO root category, code (04) or label (CONSULT); repeat for any of several.")] string[]? Type,
    [property: FromQuery(Name = QueryNames.Actor), Description("A party to the event (actor or target): an actor id, canonical name or any alias (Macron, President Macron), case- and accent-insensitive; an alias of several actors matches them all (see resolvedActors).")] string? Actor,
    [property: FromQuery(Name = QueryNames.Location), Description("A place of the event: its id (GeoNames id, country code, region code such as PL.80), name or any alias, case- and accent-insensitive; an alias naming several places matches them all (see resolvedPlaces).")] string? Location,
    [property: FromQuery(Name = QueryNames.Country), Description("ISO 3166-1 alpha-2 code of an actor's or a place's country.")] string? Country,
    [property: FromQuery(Name = QueryNames.Article), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = QueryNames.Precision), Description("Only events dated to this precision: day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = QueryNames.Coded), Description(ParameterDescriptions.Coded)] string? Coded,
    [property: FromQuery(Name = QueryNames.Distinct), Description(ParameterDescriptions.Distinct)] string? Distinct,
    [property: FromQuery(Name = QueryNames.Limit), Description("Events per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = QueryNames.ContinuationToken), Description("The token of the previous page, as returned.")] string? ContinuationToken,
    [property: FromQuery(Name = QueryNames.Format), Description("json (default); csv (also with Accept: text/csv): a header row, then every page's events; geojson: a FeatureCollection of the events with coordinates, each event's fields as properties. CSV and GeoJSON stream all pages, 'limit' at a time.")] string? Format)
    : IEventFilterParameters
{
    public static IReadOnlyList<string> Names => QueryRecord<EventsParameters>.Names;

    public static EventsParameters Bind(IQueryCollection query) => QueryRecord<EventsParameters>.Bind(query);
}

public sealed record SummaryParameters(
    [property: FromQuery(Name = QueryNames.From), Description("First day, inclusive: YYYY-MM-DD.")] string? From,
    [property: FromQuery(Name = QueryNames.To), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = QueryNames.GroupBy), Description("day, week, month, type, actor (keyed by actor id, labelled with the name), location (by name), country or place (by place id, with name and coordinates).")] string? GroupBy,
    [property: FromQuery(Name = QueryNames.Type), Description("CAMEO root category, code or label; repeatable.")] string[]? Type,
    [property: FromQuery(Name = QueryNames.Actor), Description("A party to the event: an actor id, canonical name or any alias.")] string? Actor,
    [property: FromQuery(Name = QueryNames.Location), Description("A place of the event: id, name or alias (see /api/events).")] string? Location,
    [property: FromQuery(Name = QueryNames.Country), Description("ISO 3166-1 alpha-2 country code.")] string? Country,
    [property: FromQuery(Name = QueryNames.Article), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = QueryNames.Precision), Description("day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = QueryNames.Coded), Description(ParameterDescriptions.Coded)] string? Coded,
    [property: FromQuery(Name = QueryNames.Distinct), Description(ParameterDescriptions.Distinct)] string? Distinct,
    [property: FromQuery(Name = QueryNames.Limit), Description("For type, actor, location, country and place: how many buckets, largest first (1-1000, default 100).")] string? Limit,
    [property: FromQuery(Name = QueryNames.Format), Description("json (default); csv (also with Accept: text/csv): one row per bucket; geojson (with groupBy=place): one Point feature per place.")] string? Format)
    : IEventFilterParameters
{
    public static IReadOnlyList<string> Names => QueryRecord<SummaryParameters>.Names;

    public static SummaryParameters Bind(IQueryCollection query) => QueryRecord<SummaryParameters>.Bind(query);
}

public sealed record PlacesParameters(
    [property: FromQuery(Name = QueryNames.Search), Description("Prefix of a name or of a word of a name, any alias, case- and accent-insensitive ('rzes' finds Rzeszów). Omit for every place.")] string? Search,
    [property: FromQuery(Name = QueryNames.From), Description("First day, inclusive: YYYY-MM-DD. With 'to'; omit both for all time.")] string? From,
    [property: FromQuery(Name = QueryNames.To), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = QueryNames.Limit), Description("How many places, most events first, 1-1000 (default 20).")] string? Limit)
{
    public const int DefaultLimit = 20;

    public static IReadOnlyList<string> Names => QueryRecord<PlacesParameters>.Names;

    public static PlacesParameters Bind(IQueryCollection query) => QueryRecord<PlacesParameters>.Bind(query);
}

public sealed record ActorsParameters(
    [property: FromQuery(Name = QueryNames.Search), Description("Actors with an alias that has a word starting with this, case- and accent-insensitive (mac, president mac).")] string? Search,
    [property: FromQuery(Name = QueryNames.From), Description("First day of the range the counts are taken over, inclusive: YYYY-MM-DD; with 'to'.")] string? From,
    [property: FromQuery(Name = QueryNames.To), Description("Last day of that range, inclusive: YYYY-MM-DD; with 'from'. Without a range, counts are over all events, and 'search' is required.")] string? To,
    [property: FromQuery(Name = QueryNames.Limit), Description("Actors to return, most events first, 1-1000 (default 20).")] string? Limit)
{
    public static IReadOnlyList<string> Names => QueryRecord<ActorsParameters>.Names;

    public static ActorsParameters Bind(IQueryCollection query) => QueryRecord<ActorsParameters>.Bind(query);
}

public sealed record ArticlesParameters(
    [property: FromQuery(Name = QueryNames.Status), Description("Only articles with this status: received, processing, processed, failed or deleted.")] string? Status,
    [property: FromQuery(Name = QueryNames.Limit), Description("Articles per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = QueryNames.ContinuationToken), Description("The token of the previous page, as returned.")] string? ContinuationToken)
{
    public static IReadOnlyList<string> Names => QueryRecord<ArticlesParameters>.Names;

    public static ArticlesParameters Bind(IQueryCollection query) => QueryRecord<ArticlesParameters>.Bind(query);
}

/// <summary>
/// A parameter record's query names, from its [FromQuery] attributes, and the record built from a query by those names
/// as ASP.NET Core's [AsParameters] binds it (a test holds the two to the same result): text, a repeated single value
/// joined with commas (the handler refuses the repeat), every value of an array.
/// </summary>
internal static class QueryRecord<T>
    where T : class
{
    private static readonly ConstructorInfo Constructor = typeof(T).GetConstructors().Single();

    private static readonly (string Name, bool Many)[] Parameters = [.. Constructor.GetParameters().Select(parameter =>
        (typeof(T).GetProperty(parameter.Name!)!.GetCustomAttribute<FromQueryAttribute>()!.Name!, parameter.ParameterType == typeof(string[])))];

    public static IReadOnlyList<string> Names { get; } = [.. Parameters.Select(parameter => parameter.Name)];

    /// <summary>The names that take one value: given twice, they are refused.</summary>
    public static IReadOnlyList<string> SingleValued { get; } = [.. Parameters.Where(parameter => !parameter.Many).Select(parameter => parameter.Name)];

    public static T Bind(IQueryCollection query) =>
        (T)Constructor.Invoke([.. Parameters.Select(parameter => Value(query, parameter.Name, parameter.Many))]);

    private static object? Value(IQueryCollection query, string name, bool many) => query.TryGetValue(name, out var values)
        ? many ? values.ToArray() : values.ToString()
        : many ? Array.Empty<string>() : null;
}

/// <summary>Descriptions shared by several routes' parameters.</summary>
internal static class ParameterDescriptions
{
    public const string Coded = "true (default): CAMEO-coded events only, with a type and an actor; false: the others only; any: all events.";

    public const string Distinct = "false (default): one row per mention, each with the mergedKey of its event; true: one row per merged event (the real-world happening, coded events only) with mentionCount, articleCount, articles, firstReported and its merged fields. JSON only.";
}
