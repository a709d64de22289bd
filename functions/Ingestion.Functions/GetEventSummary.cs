using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/events/summary?from=&amp;to=&amp;groupBy=</c>: Core's handler, behind a function key.</summary>
public sealed class GetEventSummary(IngestionApiServices services)
{
    [Function(nameof(GetEventSummary))]
    public Task<Results<Ok<EventSummary>, PushStreamHttpResult, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.SummaryRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.GetEventSummaryAsync(SummaryParameters.Bind(request.Query), request, services, cancellationToken);
}
