using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Ingestion.Functions.Functions;

/// <summary><c>GET /api/places?search=</c>: Core's handler, behind a function key.</summary>
public sealed class SearchPlaces(EventSummaryService summaries, IOptions<IngestionOptions> options)
{
    [Function(nameof(SearchPlaces))]
    public Task<Results<Ok<PlacesResponse>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.PlacesRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.SearchPlacesAsync(request, summaries, options, cancellationToken);
}
