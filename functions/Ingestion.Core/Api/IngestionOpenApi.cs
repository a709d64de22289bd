using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Ingestion.Core.Api;

/// <summary>
/// The OpenAPI document of <see cref="IngestionApi"/>, generated from its route definitions. The Functions worker has
/// no endpoint table to describe, so the document is built once from a private application that maps the same
/// routes; both hosts serve that one document.
/// </summary>
public static class IngestionOpenApi
{
    public const string DocumentName = "v1";

    private static readonly Lazy<Task<string>> Json = new(BuildAsync);

    public static Task<string> GetJsonAsync() => Json.Value;

    private static async Task<string> BuildAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Routes join the endpoint table only when the app starts; a server that never listens lets it start here.
        builder.WebHost.UseServer(new NonListeningServer());
        // Handlers' services must be known to be services, not request bodies; nothing here connects to storage.
        builder.Configuration.AddInMemoryCollection(IngestionSettingNames.Defaults);
        builder.AddIngestionCore();
        builder.Services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Ingestion API",
                Version = "1",
                Description = "Dated events extracted from news articles, for dashboards. Dates are YYYY-MM-DD; every bad parameter gets a 400 problem naming it.",
            };
            return Task.CompletedTask;
        }));
        await using var app = builder.Build();
        app.MapIngestionApi();
        await app.StartAsync();
        try
        {
            var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync();
            return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private sealed class NonListeningServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
