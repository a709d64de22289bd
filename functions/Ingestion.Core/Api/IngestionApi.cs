using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ingestion.Core.Api;

/// <summary>The HTTP API, one implementation for both hosts: the local host maps these routes, the Functions app calls the handlers.</summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/events", (HttpRequest request) => Task.FromResult<IResult>(TypedResults.Ok()));
        return app;
    }
}
