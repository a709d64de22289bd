using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
using Ingestion.Core.Merging;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ingestion.Core.Api;

/// <summary>
/// The HTTP API, one implementation for both hosts: the local host maps these routes with <see cref="MapIngestionApi"/>,
/// the Functions app's HTTP functions call the same handlers.
/// </summary>
public static class IngestionApi
{
    public const string EventsRoute = "events";
    public const string SummaryRoute = "events/summary";
    public const string PlacesRoute = "places";
    public const string ActorsRoute = "actors";
    public const string LatestEventDateRoute = "events/latest";

    /// <summary>One merged event; the literal routes events/summary and events/latest take precedence over it.</summary>
    public const string MergedEventRoute = "events/{key}";
    public const string ArticlesRoute = "articles";
    public const string ArticleRoute = "articles/{*name}";
    public const string OpenApiRoute = "openapi.json";
    public const string DashboardRoute = "dashboard";
    public const string HealthRoute = "health";
    public const string DashboardFileRoute = "dashboard/{*path}";

    /// <summary>Maps the /api routes: each handler takes its query record, bound by the [AsParameters] on its parameter.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(EventsRoute, GetEventsAsync)
            .WithName("GetEvents").WithSummary("Events in a date range, in date order, with optional filters and paging; or every page as CSV or GeoJSON.")
            .Produces<EventsResponse>(StatusCodes.Status200OK, "application/json", "text/csv", EventExport.GeoJsonContentType)
            .Produces<DistinctEventsResponse>(StatusCodes.Status200OK, "application/json");
        api.MapGet(MergedEventRoute, GetMergedEventAsync)
            .WithName("GetMergedEvent").WithSummary("One merged event (a real-world happening) with its mentions, by the mergedKey events carry.");
        api.MapGet(SummaryRoute, GetEventSummaryAsync)
            .WithName("GetEventSummary").WithSummary("Event counts per day, week, month, type, actor, location, country or place (with coordinates); as JSON, CSV or (places) GeoJSON.")
            .Produces<EventSummary>(StatusCodes.Status200OK, "application/json", "text/csv", EventExport.GeoJsonContentType);
        api.MapGet(PlacesRoute, SearchPlacesAsync)
            .WithName("SearchPlaces").WithSummary("Places with events in a range, most events first, whose names or aliases match a search.");
        api.MapGet(ActorsRoute, SearchActorsAsync)
            .WithName("SearchActors").WithSummary("Actors by alias prefix or date range, most events first, for autocomplete.");
        api.MapGet(LatestEventDateRoute, GetLatestEventDateAsync)
            .WithName("GetLatestEventDate").WithSummary("The last day, up to today, that has events (null when none has): where a dashboard starts.");
        api.MapGet(ArticlesRoute, ListArticlesAsync)
            .WithName("ListArticles").WithSummary("Articles, optionally by status, with paging.");
        api.MapGet(ArticleRoute, (string name, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken) =>
            GetArticleAsync(name, request, services, cancellationToken))
            .WithName("GetArticle").WithSummary("One article's status, error and events.");
        api.MapGet(OpenApiRoute, GetOpenApiDocumentAsync)
            .WithName("GetOpenApiDocument").WithSummary("This document.");
        api.MapGet(DashboardRoute, GetDashboard)
            .WithName("GetDashboard").WithSummary("The dashboard page (HTML).");
        api.MapGet(HealthRoute, (PipelineHealth health, CancellationToken cancellationToken) => GetHealthAsync(health, cancellationToken))
            .WithName("GetHealth").WithSummary("Whether storage answers, the parse and poison queues, and stalled articles: 200 when healthy, 503 with the problems when not.")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
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
        var validation = QueryValidation.None(request.Query);
        if (validation.HasErrors)
        {
            return Invalid(validation);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var latest = await summaries.LatestDayAsync(today, cancellationToken);
        return TypedResults.Ok(new LatestEventDate(latest is { } day ? TableKeys.EventPartitionKey(day) : null, TableKeys.EventPartitionKey(today)));
    }

    /// <summary><c>GET /api/health</c></summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(PipelineHealth health, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        return report.Healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary><c>GET /api/events</c></summary>
    public static async Task<Results<Ok<EventsResponse>, Ok<DistinctEventsResponse>, PushStreamHttpResult, ValidationProblem>> GetEventsAsync(
        [AsParameters] EventsParameters parameters, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.For<EventsParameters>(request.Query);
        var format = ReadFormat(validation, parameters.Format, request);
        var query = ReadEventQuery(validation, parameters, services.Options.MaxQueryDays) with
        {
            Limit = validation.OptionalInt(QueryNames.Limit, parameters.Limit, EventQuery.DefaultLimit, 1, EventQuery.MaxLimit),
            ContinuationToken = QueryValidation.Optional(parameters.ContinuationToken),
        };
        if (query.Distinct && format != ExportFormat.Json)
        {
            validation.Fail(QueryNames.Distinct, $"'{QueryNames.Distinct}=true' is served as JSON only.");
        }

        if (validation.HasErrors)
        {
            return Invalid(validation);
        }

        try
        {
            if (query.Distinct)
            {
                var merged = await services.MergedEvents.QueryAsync(query, cancellationToken);
                return TypedResults.Ok(new DistinctEventsResponse(merged.Events, merged.ContinuationToken)
                {
                    ResolvedActors = merged.ResolvedActors,
                    ResolvedPlaces = query.Location is { } place ? PlaceNames.Resolve(place, GeoGazetteer.Shared) : null,
                });
            }

            var events = services.Events;
            var page = await events.QueryAsync(query, cancellationToken);
            return format switch
            {
                ExportFormat.Csv => TypedResults.Stream(
                    stream => EventExport.WriteCsvAsync(stream, events.PagesAsync(query, page, cancellationToken), cancellationToken), EventExport.CsvContentType),
                ExportFormat.GeoJson => TypedResults.Stream(
                    stream => EventExport.WriteGeoJsonAsync(stream, events.PagesAsync(query, page, cancellationToken), cancellationToken), EventExport.GeoJsonContentType),
                _ => TypedResults.Ok(new EventsResponse(page.Events, page.ContinuationToken)
                {
                    ResolvedActors = page.ResolvedActors,
                    ResolvedPlaces = query.Location is { } location ? PlaceNames.Resolve(location, GeoGazetteer.Shared) : null,
                }),
            };
        }
        catch (InvalidContinuationTokenException ex)
        {
            validation.Fail(QueryNames.ContinuationToken, ex.Message);
            return Invalid(validation);
        }
    }

    /// <summary><c>GET /api/events/{key}</c>: a merged event and its mentions as <c>/api/events</c> returns them.</summary>
    public static async Task<Results<Ok<MergedEventDetail>, NotFound<ProblemDetails>, ValidationProblem>> GetMergedEventAsync(
        string key, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.None(request.Query);
        if (validation.HasErrors)
        {
            return Invalid(validation);
        }

        return await services.MergedEvents.GetAsync(key, cancellationToken) is { } merged
            ? TypedResults.Ok(merged)
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Event not found",
                Detail = $"No merged event has the key '{key}' (keys are the mergedKey of /api/events rows: yyyy-MM-dd_ and 16 hex digits).",
            });
    }

    /// <summary><c>GET /api/events/summary</c></summary>
    public static async Task<Results<Ok<EventSummary>, PushStreamHttpResult, ValidationProblem>> GetEventSummaryAsync(
        [AsParameters] SummaryParameters parameters, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.For<SummaryParameters>(request.Query);
        var query = ReadEventQuery(validation, parameters, services.Options.MaxQueryDays);
        var groupBy = validation.OptionalEnum<SummaryGrouping>(QueryNames.GroupBy, parameters.GroupBy) ?? SummaryGrouping.Day;
        var top = validation.OptionalInt(QueryNames.Limit, parameters.Limit, EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        var format = ReadFormat(validation, parameters.Format, request);
        if (format == ExportFormat.GeoJson && groupBy != SummaryGrouping.Place)
        {
            validation.Fail(QueryNames.Format, "'format=geojson' needs 'groupBy=place': only places have coordinates.");
        }

        if (validation.HasErrors)
        {
            return Invalid(validation);
        }

        var summary = await services.Summaries.SummarizeAsync(query, groupBy, top, cancellationToken);
        return format switch
        {
            ExportFormat.Csv => TypedResults.Stream(stream => EventExport.WriteCsvAsync(stream, summary, cancellationToken), EventExport.CsvContentType),
            ExportFormat.GeoJson => TypedResults.Stream(stream => EventExport.WriteGeoJsonAsync(stream, summary, cancellationToken), EventExport.GeoJsonContentType),
            _ => TypedResults.Ok(summary),
        };
    }

    /// <summary><c>format=</c>, else CSV when the client accepts text/csv, else JSON.</summary>
    private static ExportFormat ReadFormat(QueryValidation validation, string? format, HttpRequest request) =>
        validation.OptionalEnum<ExportFormat>(QueryNames.Format, format)
        ?? (request.Headers.Accept.Any(accept => accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true) ? ExportFormat.Csv : ExportFormat.Json);

    /// <summary><c>GET /api/places</c>: autocomplete for <c>location=</c>, from the per-day count rows.</summary>
    public static async Task<Results<Ok<PlacesResponse>, ValidationProblem>> SearchPlacesAsync(
        [AsParameters] PlacesParameters parameters, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.For<PlacesParameters>(request.Query);
        var (from, to) = (DateOnly.MinValue, DateOnly.MaxValue);
        if (QueryValidation.Optional(parameters.From) is not null || QueryValidation.Optional(parameters.To) is not null)
        {
            (from, to) = ReadRange(validation, parameters.From, parameters.To, services.Options.MaxQueryDays);
        }

        var search = QueryValidation.Optional(parameters.Search);
        var limit = validation.OptionalInt(QueryNames.Limit, parameters.Limit, PlacesParameters.DefaultLimit, 1, EventQuery.MaxLimit);
        return validation.HasErrors
            ? Invalid(validation)
            : TypedResults.Ok(new PlacesResponse(await services.Summaries.SearchPlacesAsync(from, to, search, limit, cancellationToken)));
    }

    /// <summary><c>GET /api/actors</c></summary>
    public static async Task<Results<Ok<ActorsResponse>, ValidationProblem>> SearchActorsAsync(
        [AsParameters] ActorsParameters parameters, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.For<ActorsParameters>(request.Query);
        var search = QueryValidation.Optional(parameters.Search);
        if (search is not null && ActorIdentity.Normalize(search).Length == 0)
        {
            validation.Fail(QueryNames.Search, $"'{QueryNames.Search}' must hold a letter or digit; got '{search}'.");
        }

        DateOnly? from = null, to = null;
        if (QueryValidation.Optional(parameters.From) is not null || QueryValidation.Optional(parameters.To) is not null)
        {
            (from, to) = ReadRange(validation, parameters.From, parameters.To, services.Options.MaxQueryDays);
        }
        else if (search is null)
        {
            validation.Fail(QueryNames.Search, "Give 'search', or a range 'from' and 'to' to list the actors with the most events in it.");
        }

        var limit = validation.OptionalInt(QueryNames.Limit, parameters.Limit, ActorsResponse.DefaultLimit, 1, EventQuery.MaxLimit);
        return validation.HasErrors
            ? Invalid(validation)
            : TypedResults.Ok(new ActorsResponse(await services.Actors.SearchAsync(new ActorSearch(search, from, to, limit), cancellationToken)));
    }

    /// <summary><c>GET /api/articles</c></summary>
    public static async Task<Results<Ok<ArticlesResponse>, ValidationProblem>> ListArticlesAsync(
        [AsParameters] ArticlesParameters parameters, HttpRequest request, IngestionApiServices services, CancellationToken cancellationToken)
    {
        var validation = QueryValidation.For<ArticlesParameters>(request.Query);
        var status = validation.OptionalEnum<ArticleStatus>(QueryNames.Status, parameters.Status);
        var limit = validation.OptionalInt(QueryNames.Limit, parameters.Limit, EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        var fingerprint = $"articles|{status}";
        string? storageToken = null;
        if (QueryValidation.Optional(parameters.ContinuationToken) is { } token
            && (storageToken = ContinuationTokens.TryRead(token, fingerprint)) is null)
        {
            validation.Fail(QueryNames.ContinuationToken, new InvalidContinuationTokenException().Message);
        }

        if (validation.HasErrors)
        {
            return Invalid(validation);
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
        var validation = QueryValidation.None(request.Query);
        if (string.IsNullOrWhiteSpace(name))
        {
            validation.Fail("name", "An article name is required: /api/articles/{name}.");
        }

        if (validation.HasErrors)
        {
            return Invalid(validation);
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

        var page = await services.Events.QueryAsync(new EventQuery(DateOnly.MinValue, DateOnly.MaxValue, EventQuery.MaxLimit) { Article = name, Selection = EventSelection.All }, cancellationToken);
        return TypedResults.Ok(new ArticleDetails(article, page.Events, page.ContinuationToken is not null));
    }

    /// <summary>
    /// Reads an event query's range and filters by the API's rules: the CLI's export passes its options through here
    /// as an <see cref="EventsParameters"/>, so both refuse the same values for the same reasons.
    /// </summary>
    /// <param name="maxDays">The longest range allowed.</param>
    /// <returns>The query, and a reason per refused parameter (empty when the query is valid).</returns>
    public static (EventQuery Query, IDictionary<string, string[]> Errors) ReadEventQuery(IEventFilterParameters parameters, int maxDays)
    {
        var validation = QueryValidation.None(QueryCollection.Empty);
        var query = ReadEventQuery(validation, parameters, maxDays);
        return (query, validation.Errors);
    }

    /// <summary>A required <c>from</c>..<c>to</c>, in order and no longer than the configured maximum.</summary>
    private static (DateOnly From, DateOnly To) ReadRange(QueryValidation validation, string? fromText, string? toText, int maxDays)
    {
        var from = validation.RequiredDate(QueryNames.From, fromText);
        var to = validation.RequiredDate(QueryNames.To, toText);
        var bothDates = validation.IsValid(QueryNames.From) && validation.IsValid(QueryNames.To);
        if (bothDates && from > to)
        {
            validation.Fail(QueryNames.From, $"'{QueryNames.From}' ({from:yyyy-MM-dd}) is after '{QueryNames.To}' ({to:yyyy-MM-dd}).");
        }
        else if (bothDates && to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            validation.Fail(QueryNames.To, $"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is longer than {maxDays} days; query a shorter range.");
        }

        return (from, to);
    }

    /// <summary>The date range and filters shared by events and summaries.</summary>
    private static EventQuery ReadEventQuery(QueryValidation validation, IEventFilterParameters parameters, int maxDays)
    {
        var (from, to) = ReadRange(validation, parameters.From, parameters.To, maxDays);
        var types = new List<string>();
        foreach (var type in QueryValidation.Strings(parameters.Type))
        {
            if (CameoCategories.Find(type) is { } category)
            {
                types.Add(category.Code);
            }
            else
            {
                validation.Fail(QueryNames.Type, $"'{QueryNames.Type}' must be a CAMEO root code (01-20) or label (such as CONSULT); got '{type}'.");
            }
        }

        var precision = validation.OptionalEnum<DatePrecision>(QueryNames.Precision, parameters.Precision);
        var distinct = QueryValidation.Optional(parameters.Distinct);
        if (distinct is not (null or "true" or "false"))
        {
            validation.Fail(QueryNames.Distinct, $"'{QueryNames.Distinct}' must be true or false (the default); got '{distinct}'.");
        }

        var selection = QueryValidation.Optional(parameters.Coded) switch
        {
            null or "true" => EventSelection.Coded,
            "false" => EventSelection.Uncoded,
            "any" => EventSelection.All,
            var other => Refuse(validation, QueryNames.Coded, $"'{QueryNames.Coded}' must be true (the default), false or any; got '{other}'."),
        };

        var country = QueryValidation.Optional(parameters.Country);
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            validation.Fail(QueryNames.Country, $"'{QueryNames.Country}' must be an ISO 3166-1 alpha-2 code such as FR; got '{country}'.");
        }

        var actor = QueryValidation.Optional(parameters.Actor);
        if (actor is not null && ActorIdentity.Normalize(actor).Length == 0)
        {
            validation.Fail(QueryNames.Actor, $"'{QueryNames.Actor}' must be an actor id, name or alias, with a letter or digit; got '{actor}'.");
        }

        return new EventQuery(from, to)
        {
            Types = types,
            Actor = actor,
            Location = QueryValidation.Optional(parameters.Location),
            Country = country,
            Article = QueryValidation.Optional(parameters.Article),
            Precision = precision,
            Selection = selection,
            Distinct = distinct == "true",
        };
    }

    private static EventSelection Refuse(QueryValidation validation, string name, string message)
    {
        validation.Fail(name, message);
        return EventSelection.Coded;
    }

    private static ValidationProblem Invalid(QueryValidation validation) =>
        TypedResults.ValidationProblem(validation.Errors, title: "Invalid request parameters");
}

/// <param name="ContinuationToken">Null on the last page; otherwise pass it back, with the same parameters, for the next page.</param>
/// <summary>A page of <c>/api/events?distinct=true</c>: one row per merged event.</summary>
public sealed record DistinctEventsResponse(
    IReadOnlyList<MergedEvent> Events,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken)
{
    /// <summary>The places a <c>location</c> filter stood for; absent without one.</summary>
    public IReadOnlyList<ResolvedPlace>? ResolvedPlaces { get; init; }

    /// <summary>The actors the <c>actor</c> parameter named (none: it named no actor); absent without one.</summary>
    public IReadOnlyList<ActorReference>? ResolvedActors { get; init; }
}

public sealed record EventsResponse(
    IReadOnlyList<EventRecord> Events,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken)
{
    /// <summary>The places a <c>location</c> filter stood for; absent without one.</summary>
    public IReadOnlyList<ResolvedPlace>? ResolvedPlaces { get; init; }

    /// <summary>The actors the <c>actor</c> parameter named (none: it named no actor); absent without one.</summary>
    public IReadOnlyList<ActorReference>? ResolvedActors { get; init; }
}

public sealed record PlacesResponse(IReadOnlyList<PlaceCount> Places);

/// <summary>Actors found by <c>GET /api/actors</c>, most events first.</summary>
public sealed record ActorsResponse(IReadOnlyList<ActorRecord> Actors)
{
    public const int DefaultLimit = 20;
}

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
