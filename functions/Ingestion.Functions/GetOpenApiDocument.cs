using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary><c>GET /api/openapi.json</c>: the document Core generates from its route definitions.</summary>
public sealed class GetOpenApiDocument
{
    [Function(nameof(GetOpenApiDocument))]
    public Task<ContentHttpResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IngestionApi.OpenApiRoute)] HttpRequest request)
        => IngestionApi.GetOpenApiDocumentAsync();
}
