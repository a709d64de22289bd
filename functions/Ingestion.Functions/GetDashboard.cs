using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/dashboard?code=…</c>: the dashboard page; it passes the key on to the API calls it makes.</summary>
public sealed class GetDashboard
{
    [Function(nameof(GetDashboard))]
    public FileContentHttpResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.DashboardRoute)] HttpRequest request)
        => IngestionApi.GetDashboard();
}
