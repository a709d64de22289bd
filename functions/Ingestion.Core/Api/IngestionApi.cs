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
    public const string ArticleRoute = "articles/{*name}";

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(EventsRoute, (HttpRequest request, EventQueryService events, IOptions<IngestionOptions> options, CancellationToken cancellationToken) =>
            GetEventsAsync(request, events, options, cancellationToken))
            .WithName("GetEvents");
        api.MapGet(ArticleRoute, (string name, HttpRequest request, ArticleRepository articles, CancellationToken cancellationToken) =>
            GetArticleAsync(name, request, articles, cancellationToken))
            .WithName("GetArticle");
        return app;
    }

    /// <summary><c>GET /api/events?from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;limit=N][&amp;continuationToken=...]</c></summary>
    public static async Task<Results<Ok<EventsResponse>, ValidationProblem>> GetEventsAsync(
        HttpRequest request, EventQueryService events, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, "from", "to", "limit", "continuationToken");
        var from = parameters.RequiredDate("from");
        var to = parameters.RequiredDate("to");
        var limit = parameters.OptionalInt("limit", EventQuery.DefaultLimit, 1, EventQuery.MaxLimit);
        var token = parameters.OptionalString("continuationToken");
        if (!parameters.HasErrors && from > to)
        {
            parameters.Fail("from", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }

        var maxDays = options.Value.MaxQueryDays;
        if (!parameters.HasErrors && to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            parameters.Fail("to", $"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is longer than {maxDays} days; query a shorter range.");
        }

        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        try
        {
            var page = await events.QueryAsync(new EventQuery(from, to, limit, token), cancellationToken);
            return TypedResults.Ok(new EventsResponse(page.Events, page.ContinuationToken));
        }
        catch (InvalidContinuationTokenException ex)
        {
            parameters.Fail("continuationToken", ex.Message);
            return Invalid(parameters);
        }
    }

    /// <summary><c>GET /api/articles/{name}</c>: the article's row (status, error, event count).</summary>
    public static async Task<Results<Ok<ArticleRecord>, NotFound<ProblemDetails>, ValidationProblem>> GetArticleAsync(
        string name, HttpRequest request, ArticleRepository articles, CancellationToken cancellationToken)
    {
        // Servers decode every escape in a path but %2F, so a name sent escaped as a whole arrives with it intact.
        name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var parameters = new QueryParameters(request.Query);
        if (string.IsNullOrWhiteSpace(name))
        {
            parameters.Fail("name", "An article name is required: /api/articles/{name}.");
        }

        if (parameters.HasErrors)
        {
            return Invalid(parameters);
        }

        return await articles.GetAsync(name, cancellationToken) is { } article
            ? TypedResults.Ok(article)
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Article not found",
                Detail = $"No article named '{name}' has been received.",
            });
    }

    private static ValidationProblem Invalid(QueryParameters parameters) =>
        TypedResults.ValidationProblem(parameters.Errors, title: "Invalid request parameters");
}

/// <param name="ContinuationToken">Null on the last page; otherwise pass it back, with the same parameters, for the next page.</param>
public sealed record EventsResponse(
    IReadOnlyList<EventRecord> Events,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken);
