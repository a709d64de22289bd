using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/actors?search=&amp;from=&amp;to=</c>: Core's handler, behind a function key.</summary>
public sealed class SearchActors(IngestionApiServices services)
{
    [Function(nameof(SearchActors))]
    public Task<Results<Ok<ActorsResponse>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.ActorsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.SearchActorsAsync(ActorsParameters.Bind(request.Query), request, services, cancellationToken);
}
