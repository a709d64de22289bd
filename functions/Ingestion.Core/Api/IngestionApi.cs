using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Api;

/// <summary>
/// The HTTP API, one implementation for both hosts: the local host maps these routes with <see cref="MapIngestionApi"/>,
/// the Functions app's HTTP functions call the same handlers.
/// </summary>
public static class IngestionApi
{
    public const string EventsRoute = "events";
    public const string SummaryRoute = "events/summary";
    public const string LatestEventDateRoute = "events/latest";
    public const string ArticlesRoute = "articles";
    public const string ArticleRoute = "articles/{*name}";
    public const string OpenApiRoute = "openapi.json";
    public const string DashboardRoute = "dashboard";
    public const string DashboardFileRoute = "dashboard/{*path}";

    /// <summary>Maps the /api routes. The [AsParameters] records only describe the query to OpenAPI; handlers read the request.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(EventsRoute, ([AsParameters] EventsParameters _, HttpRequest request, EventQueryService events, IOptions<IngestionOptions> options, CancellationToken cancellationToken) =>
            GetEventsAsync(request, events, options, cancellationToken))
            .WithName("GetEvents").WithSummary("Events in a date range, in date order, with optional filters and paging.");
        api.MapGet(SummaryRoute, ([AsParameters] SummaryParameters _, HttpRequest request, EventSummaryService summaries, IOptions<IngestionOptions> options, CancellationToken cancellationToken) =>
            GetEventSummaryAsync(request, summaries, options, cancellationToken))
            .WithName("GetEventSummary").WithSummary("Event counts per day, week, month, type, actor, location or country.");
        api.MapGet(LatestEventDateRoute, GetLatestEventDateAsync)
            .WithName("GetLatestEventDate").WithSummary("The last day, up to today, that has events (null when none has): where a dashboard starts.");
        api.MapGet(ArticlesRoute, ([AsParameters] ArticlesParameters _, HttpRequest request, ArticleRepository articles, CancellationToken cancellationToken) =>
            ListArticlesAsync(request, articles, cancellationToken))
            .WithName("ListArticles").WithSummary("Articles, optionally by status, with paging.");
        api.MapGet(ArticleRoute, (string name, HttpRequest request, ArticleRepository articles, EventQueryService events, CancellationToken cancellationToken) =>
            GetArticleAsync(name, request, articles, events, cancellationToken))
            .WithName("GetArticle").WithSummary("One article's status, error and events.");
        api.MapGet(OpenApiRoute, GetOpenApiDocumentAsync)
            .WithName("GetOpenApiDocument").WithSummary("This document.");
        api.MapGet(DashboardRoute, GetDashboard)
            .WithName("GetDashboard").WithSummary("The dashboard page (HTML).");
        api.MapGet(DashboardFileRoute, GetDashboardFile)
            .WithName("GetDashboardFile").WithSummary("The dashboard's scripts, styles and map data.");
        return app;
    }

    /// <summary><c>GET /api/openapi.json</c></summary>
    public static async Task<ContentHttpResult> GetOpenApiDocumentAsync() =>
        TypedResults.Content(await IngestionOpenApi.GetJsonAsync(), "application/json");

    /// <summary><c>GET /api/dashboard</c> (and <c>/</c> on the local host): the page; its scripts come from <see cref="GetDashboardFile"/>, no CDN.</summary>
    public static FileContentHttpResult GetDashboard() => File(Dashboard.Page);

    /// <summary><c>GET /api/dashboard/{path}</c>: a module, style sheet, vendored library or the country outlines.</summary>
    public static Results<FileContentHttpResult, NotFound> GetDashboardFile(string path) =>
        Dashboard.Find(path) is { } file ? File(file) : TypedResults.NotFound();

    private static FileContentHttpResult File(DashboardFile file) =>
        TypedResults.Bytes(file.Content, file.ContentType, entityTag: file.ETag);

    /// <summary><c>GET /api/events/latest</c></summary>
    public static async Task<Results<Ok<LatestEventDate>, ValidationProblem>> GetLatestEventDateAsync(
        HttpRequest request, EventSummaryService summaries, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, []);
        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var latest = await summaries.LatestDayAsync(today, cancellationToken);
        return TypedResults.Ok(new LatestEventDate(latest is { } day ? TableKeys.EventPartitionKey(day) : null, TableKeys.EventPartitionKey(today)));
    }

    /// <summary><c>GET /api/events</c></summary>
    public static async Task<Results<Ok<EventsResponse>, ValidationProblem>> GetEventsAsync(
        HttpRequest request, EventQueryService events, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, EventsParameters.Names);
        var query = ReadEventQuery(parameters, options.Value) with
        {
            Limit = parameters.OptionalInt("limit", EventQuery.DefaultLimit, 1, EventQuery.MaxLimit),
            ContinuationToken = parameters.OptionalString("continuationToken"),
        };
        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        try
        {
            var page = await events.QueryAsync(query, cancellationToken);
            return TypedResults.Ok(new EventsResponse(page.Events, page.ContinuationToken));
        }
        catch (InvalidContinuationTokenException ex)
        {
            parameters.Fail("continuationToken", ex.Message);
            return Invalid(parameters);
        }
    }

    /// <summary><c>GET /api/events/summary</c></summary>
    public static async Task<Results<Ok<EventSummary>, ValidationProblem>> GetEventSummaryAsync(
        HttpRequest request, EventSummaryService summaries, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, SummaryParameters.Names);
        var query = ReadEventQuery(parameters, options.Value);
        var groupBy = parameters.OptionalEnum<SummaryGrouping>("groupBy") ?? SummaryGrouping.Day;
        var top = parameters.OptionalInt("limit", EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        return parameters.HasErrors
            ? Invalid(parameters)
            : TypedResults.Ok(await summaries.SummarizeAsync(query, groupBy, top, cancellationToken));
    }

    /// <summary><c>GET /api/articles</c></summary>
    public static async Task<Results<Ok<ArticlesResponse>, ValidationProblem>> ListArticlesAsync(
        HttpRequest request, ArticleRepository articles, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, ArticlesParameters.Names);
        var status = parameters.OptionalEnum<ArticleStatus>("status");
        var limit = parameters.OptionalInt("limit", EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        var fingerprint = $"articles|{status}";
        string? storageToken = null;
        if (parameters.OptionalString("continuationToken") is { } token
            && (storageToken = ContinuationTokens.TryRead(token, fingerprint)) is null)
        {
            parameters.Fail("continuationToken", new InvalidContinuationTokenException().Message);
        }

        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        var (items, next) = await articles.ListAsync(status, limit, storageToken, cancellationToken);
        return TypedResults.Ok(new ArticlesResponse(items, next is null ? null : ContinuationTokens.Create(fingerprint, next)));
    }

    /// <summary><c>GET /api/articles/{name}</c>: the article's row (status, error, event count) and its events.</summary>
    public static async Task<Results<Ok<ArticleDetails>, NotFound<ProblemDetails>, ValidationProblem>> GetArticleAsync(
        string name, HttpRequest request, ArticleRepository articles, EventQueryService events, CancellationToken cancellationToken)
    {
        // Servers decode every escape in a path but %2F, so a name sent escaped as a whole arrives with it intact.
        name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var parameters = new QueryParameters(request.Query, []);
        if (string.IsNullOrWhiteSpace(name))
        {
            parameters.Fail("name", "An article name is required: /api/articles/{name}.");
        }

        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        if (await articles.GetAsync(name, cancellationToken) is not { } article)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Article not found",
                Detail = $"No article named '{name}' has been received.",
            });
        }

        var page = await events.QueryAsync(new EventQuery(DateOnly.MinValue, DateOnly.MaxValue, EventQuery.MaxLimit) { Article = name }, cancellationToken);
        return TypedResults.Ok(new ArticleDetails(article, page.Events, page.ContinuationToken is not null));
    }

    /// <summary>The date range and filters shared by events and summaries.</summary>
    private static EventQuery ReadEventQuery(QueryParameters parameters, IngestionOptions options)
    {
        var from = parameters.RequiredDate("from");
        var to = parameters.RequiredDate("to");
        var bothDates = parameters.IsValid("from") && parameters.IsValid("to");
        if (bothDates && from > to)
        {
            parameters.Fail("from", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }
        else if (bothDates && to.DayNumber - from.DayNumber + 1 > options.MaxQueryDays)
        {
            parameters.Fail("to", $"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is longer than {options.MaxQueryDays} days; query a shorter range.");
        }

        var types = new List<string>();
        foreach (var type in parameters.Strings("type"))
        {
            if (CameoCategories.Find(type) is { } category)
            {
                types.Add(category.Code);
            }
            else
            {
                parameters.Fail("type", $"'type' must be a CAMEO root code (01-20) or label (such as CONSULT); got '{type}'.");
            }
        }

        var precision = parameters.OptionalEnum<DatePrecision>("precision");

        var country = parameters.OptionalString("country");
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            parameters.Fail("country", $"'country' must be an ISO 3166-1 alpha-2 code such as FR; got '{country}'.");
        }

        return new EventQuery(from, to)
        {
            Types = types,
            Actor = parameters.OptionalString("actor"),
            Location = parameters.OptionalString("location"),
            Country = country,
            Article = parameters.OptionalString("article"),
            Precision = precision,
        };
    }

    private static ValidationProblem Invalid(QueryParameters parameters) =>
        TypedResults.ValidationProblem(parameters.Errors, title: "Invalid request parameters");
}

/// <param name="ContinuationToken">Null on the last page; otherwise pass it back, with the same parameters, for the next page.</param>
public sealed record EventsResponse(
    IReadOnlyList<EventRecord> Events,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken);

public sealed record ArticlesResponse(
    IReadOnlyList<ArticleRecord> Articles,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken);

/// <param name="Date">The last day on or before <paramref name="Until"/> with at least one event; null when there is none.</param>
/// <param name="Until">Today (UTC): events dated later (planned ones) are not considered.</param>
public sealed record LatestEventDate(
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Date,
    string Until);

/// <param name="MoreEvents">True when the article has more events than listed (the first 1,000 are).</param>
public sealed record ArticleDetails(ArticleRecord Article, IReadOnlyList<EventRecord> Events, bool MoreEvents);
