using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Ingestion.Core.Api;

/// <summary>
/// The HTTP API, one implementation for both hosts: the local host maps these routes with <see cref="MapIngestionApi"/>,
/// the Functions app's HTTP functions call the same handlers.
/// </summary>
public static class IngestionApi
{
    public const string EventsRoute = "events";
    public const string SummaryRoute = "events/summary";
    public const string ArticlesRoute = "articles";
    public const string ArticleRoute = "articles/{*name}";
    public const string OpenApiRoute = "openapi.json";
    public const string DashboardRoute = "dashboard";

    /// <summary>Maps the /api routes. The [AsParameters] records only describe the query to OpenAPI; handlers read the request.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(EventsRoute, ([AsParameters] EventsParameters _, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken) =>
            GetEventsAsync(request, services, cancellationToken))
            .WithName("GetEvents").WithSummary("Events in a date range, in date order, with optional filters and paging.");
        api.MapGet(SummaryRoute, ([AsParameters] SummaryParameters _, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken) =>
            GetEventSummaryAsync(request, services, cancellationToken))
            .WithName("GetEventSummary").WithSummary("Event counts per day, week, month, type, actor, location or country.");
        api.MapGet(ArticlesRoute, ([AsParameters] ArticlesParameters _, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken) =>
            ListArticlesAsync(request, services, cancellationToken))
            .WithName("ListArticles").WithSummary("Articles, optionally by status, with paging.");
        api.MapGet(ArticleRoute, (string name, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken) =>
            GetArticleAsync(name, request, services, cancellationToken))
            .WithName("GetArticle").WithSummary("One article's status, error and events.");
        api.MapGet(OpenApiRoute, GetOpenApiDocumentAsync)
            .WithName("GetOpenApiDocument").WithSummary("This document.");
        api.MapGet(DashboardRoute, GetDashboard)
            .WithName("GetDashboard").WithSummary("The dashboard page (HTML).");
        return app;
    }

    /// <summary><c>GET /api/openapi.json</c></summary>
    public static async Task<ContentHttpResult> GetOpenApiDocumentAsync() =>
        TypedResults.Content(await IngestionOpenApi.GetJsonAsync(), "application/json");

    /// <summary><c>GET /api/dashboard</c> (and <c>/</c> on the local host): a page that draws its charts itself, no CDN.</summary>
    public static ContentHttpResult GetDashboard() => TypedResults.Content(Dashboard.Html, "text/html; charset=utf-8");

    /// <summary><c>GET /api/events</c></summary>
    public static async Task<Results<Ok<EventsResponse>, ValidationProblem>> GetEventsAsync(
        HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, EventsParameters.Names);
        var query = ReadEventQuery(parameters, services.Options.MaxQueryDays) with
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
            var page = await services.Events.QueryAsync(query, cancellationToken);
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
        HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, SummaryParameters.Names);
        var query = ReadEventQuery(parameters, services.Options.MaxQueryDays);
        var groupBy = parameters.OptionalEnum<SummaryGrouping>("groupBy") ?? SummaryGrouping.Day;
        var top = parameters.OptionalInt("limit", EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        return parameters.HasErrors
            ? Invalid(parameters)
            : TypedResults.Ok(await services.Summaries.SummarizeAsync(query, groupBy, top, cancellationToken));
    }

    /// <summary><c>GET /api/articles</c></summary>
    public static async Task<Results<Ok<ArticlesResponse>, ValidationProblem>> ListArticlesAsync(
        HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
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

        var (items, next) = await services.Articles.ListAsync(status, limit, storageToken, cancellationToken);
        return TypedResults.Ok(new ArticlesResponse(items, next is null ? null : ContinuationTokens.Create(fingerprint, next)));
    }

    /// <summary><c>GET /api/articles/{name}</c>: the article's row (status, error, event count) and its events.</summary>
    public static async Task<Results<Ok<ArticleDetails>, NotFound<ProblemDetails>, ValidationProblem>> GetArticleAsync(
        string name, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
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

        if (await services.Articles.GetAsync(name, cancellationToken) is not { } article)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Article not found",
                Detail = $"No article named '{name}' has been received.",
            });
        }

        var page = await services.Events.QueryAsync(new EventQuery(DateOnly.MinValue, DateOnly.MaxValue, EventQuery.MaxLimit) { Article = name }, cancellationToken);
        return TypedResults.Ok(new ArticleDetails(article, page.Events, page.ContinuationToken is not null));
    }

    /// <summary>
    /// Reads an event query's range and filters from values under the API's parameter names, by the API's rules: the
    /// CLI's export passes its options through here, so both refuse the same values for the same reasons.
    /// </summary>
    /// <param name="maxDays">The longest range allowed.</param>
    /// <returns>The query, and a reason per refused parameter (empty when the query is valid).</returns>
    public static (EventQuery Query, IDictionary<string, string[]> Errors) ReadEventQuery(IReadOnlyDictionary<string, string[]> values, int maxDays)
    {
        var parameters = new QueryParameters(new QueryCollection(values.ToDictionary(pair => pair.Key, pair => new StringValues(pair.Value))), [.. values.Keys]);
        var query = ReadEventQuery(parameters, maxDays);
        return (query, parameters.Errors);
    }

    /// <summary>The date range and filters shared by events and summaries.</summary>
    private static EventQuery ReadEventQuery(QueryParameters parameters, int maxDays)
    {
        var from = parameters.RequiredDate("from");
        var to = parameters.RequiredDate("to");
        var bothDates = parameters.IsValid("from") && parameters.IsValid("to");
        if (bothDates && from > to)
        {
            parameters.Fail("from", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }
        else if (bothDates && to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            parameters.Fail("to", $"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is longer than {maxDays} days; query a shorter range.");
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

/// <param name="MoreEvents">True when the article has more events than listed (the first 1,000 are).</param>
public sealed record ArticleDetails(ArticleRecord Article, IReadOnlyList<EventRecord> Events, bool MoreEvents);
