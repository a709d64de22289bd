using Ingestion.Core.Api;
using Ingestion.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/health</c>: Core's handler, behind a function key.</summary>
public sealed class GetHealth(PipelineHealth health)
{
    [Function(nameof(GetHealth))]
    public Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.HealthRoute)] HttpRequest request,
        CancellationToken cancellationToken)
        => IngestionApi.GetHealthAsync(health, cancellationToken);
}
