using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/articles?status=&amp;limit=</c>: Core's handler, behind a function key.</summary>
public sealed class ListArticles(IngestionApiServices services)
{
    [Function(nameof(ListArticles))]
    public Task<Results<Ok<ArticlesResponse>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.ArticlesRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.ListArticlesAsync(ArticlesParameters.Bind(request.Query), request, services, cancellationToken);
}
