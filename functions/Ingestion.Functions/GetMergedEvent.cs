using Ingestion.Core.Api;
using Ingestion.Core.Merging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/events/{key}</c>: a merged event with its mentions, Core's handler, behind a function key.</summary>
public sealed class GetMergedEvent(IngestionApiServices services)
{
    [Function(nameof(GetMergedEvent))]
    public Task<Results<Ok<MergedEventDetail>, NotFound<ProblemDetails>, ValidationProblem>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.MergedEventRoute)] HttpRequest request,
        string key,
        CancellationToken cancellationToken)
        => IngestionApi.GetMergedEventAsync(key, request, services, cancellationToken);
}
