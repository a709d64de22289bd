using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/events/latest</c>: the last day up to today with events, Core's handler, behind a function key.</summary>
public sealed class GetLatestEventDate(EventSummaryService summaries, TimeProvider time)
{
    [Function(nameof(GetLatestEventDate))]
    public Task<Results<Ok<LatestEventDate>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.LatestEventDateRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.GetLatestEventDateAsync(request, summaries, time, cancellationToken);
}
