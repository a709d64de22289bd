using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/events?from=&amp;to=</c>: Core's handler, behind a function key.</summary>
public sealed class GetEvents(IngestionApiServices services)
{
    [Function(nameof(GetEvents))]
    public Task<Results<Ok<EventsResponse>, Ok<DistinctEventsResponse>, PushStreamHttpResult, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.EventsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.GetEventsAsync(EventsParameters.Bind(request.Query), request, services, cancellationToken);
}
