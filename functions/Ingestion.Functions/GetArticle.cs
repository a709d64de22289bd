using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/articles/{name}</c>: an article's status and events, Core's handler, behind a function key.</summary>
public sealed class GetArticle(IngestionApiServices services)
{
    [Function(nameof(GetArticle))]
    public Task<Results<Ok<ArticleDetails>, NotFound<ProblemDetails>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.ArticleRoute)] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
        => IngestionApi.GetArticleAsync(name, request, services, cancellationToken);
}
