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
    [property: FromQuery(Name = "actor"), Description("A party to the event (actor or target), by name, case-insensitive.")] string? Actor,
    [property: FromQuery(Name = "location"), Description("A place of the event, by name, case-insensitive.")] string? Location,
    [property: FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 code of an actor's or a place's country.")] string? Country,
    [property: FromQuery(Name = "article"), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = "precision"), Description("Only events dated to this precision: day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = "limit"), Description("Events per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = "continuationToken"), Description("The token of the previous page, as returned.")] string? ContinuationToken)
{
    public static IReadOnlyList<string> Names { get; } = QueryNames<EventsParameters>();

    internal static IReadOnlyList<string> QueryNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name).ToList();
}

public sealed record SummaryParameters(
    [property: FromQuery(Name = "from"), Description("First day, inclusive: YYYY-MM-DD.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last day, inclusive: YYYY-MM-DD.")] string? To,
    [property: FromQuery(Name = "groupBy"), Description("day, week, month, type, actor, location or country.")] string? GroupBy,
    [property: FromQuery(Name = "type"), Description("CAMEO root category, code or label; repeatable.")] string[]? Type,
    [property: FromQuery(Name = "actor"), Description("A party to the event, by name.")] string? Actor,
    [property: FromQuery(Name = "location"), Description("A place of the event, by name.")] string? Location,
    [property: FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 country code.")] string? Country,
    [property: FromQuery(Name = "article"), Description("The article's blob name.")] string? Article,
    [property: FromQuery(Name = "precision"), Description("day, week, month, quarter, year or decade.")] string? Precision,
    [property: FromQuery(Name = "limit"), Description("For type, actor, location and country: how many buckets, largest first (1-1000, default 100).")] string? Limit)
{
    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<SummaryParameters>();
}

public sealed record ArticlesParameters(
    [property: FromQuery(Name = "status"), Description("Only articles with this status: received, processing, processed, failed or deleted.")] string? Status,
    [property: FromQuery(Name = "limit"), Description("Articles per page, 1-1000 (default 100).")] string? Limit,
    [property: FromQuery(Name = "continuationToken"), Description("The token of the previous page, as returned.")] string? ContinuationToken)
{
    public static IReadOnlyList<string> Names { get; } = EventsParameters.QueryNames<ArticlesParameters>();
}
