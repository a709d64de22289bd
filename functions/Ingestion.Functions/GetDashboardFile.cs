using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>
/// <c>GET /api/dashboard/{path}</c>: the dashboard's modules, styles and map data. Anonymous: they are the
/// repository's own static files (no data), and a module's imports could not carry the function key.
/// </summary>
public sealed class GetDashboardFile
{
    [Function(nameof(GetDashboardFile))]
    public Results<FileContentHttpResult, NotFound> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IngestionApi.DashboardFileRoute)] HttpRequest request,
        string path)
        => IngestionApi.GetDashboardFile(path);
}
