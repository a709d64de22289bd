using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/places?search=</c>: Core's handler, behind a function key.</summary>
public sealed class SearchPlaces(IngestionApiServices services)
{
    [Function(nameof(SearchPlaces))]
    public Task<Results<Ok<PlacesResponse>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.PlacesRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.SearchPlacesAsync(PlacesParameters.Bind(request.Query), request, services, cancellationToken);
}
