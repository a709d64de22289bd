using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions.Functions;

/// <summary><c>GET /api/articles/{name}</c>: an article's status and events, Core's handler, behind a function key.</summary>
public sealed class GetArticle(ArticleRepository articles, EventQueryService events)
{
    [Function(nameof(GetArticle))]
    public Task<Results<Ok<ArticleDetails>, NotFound<ProblemDetails>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.ArticleRoute)] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
        => IngestionApi.GetArticleAsync(name, request, articles, events, cancellationToken);
}
