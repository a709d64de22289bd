using System.Net.Http.Json;
using Ingestion.Core.Api;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.IntegrationTests;

/// <summary>The local host running in-process against the test Azurite, with the sample articles uploaded at start.</summary>
public class LocalHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    /// <summary>The /api routes the host serves, as OpenAPI writes them ({*name} becomes {name}).</summary>
    public IEnumerable<string> ApiRoutes() =>
        _app!.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{*", "{", StringComparison.Ordinal))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct();

    /// <summary>Origins the host lets call its API from a browser.</summary>
    public const string AllowedOrigin = "http://dashboard.example";

    public virtual async Task InitializeAsync()
    {
        var storage = new TestStorage(azurite);
        var port = Azurite.FreePort();
        _app = LocalHostApp.Create([], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["LocalHost:StartAzurite"] = "false",
            ["LocalHost:HostId"] = $"test-{Guid.NewGuid():N}"[..32],
            ["LocalHost:SamplesPath"] = Articles.SamplesFolder,
            ["LocalHost:AllowedOrigins:0"] = AllowedOrigin,
        }));
        await _app.StartLocalHostAsync();
        Http.BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Waits until the article has been parsed (processed or failed) and returns its row.</summary>
    public Task<ArticleRecord> WaitForArticleAsync(string name, TimeSpan timeout) =>
        Eventually.GetAsync(
            async () =>
            {
                using var response = await Http.GetAsync($"/api/articles/{Uri.EscapeDataString(name)}");
                var details = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ArticleDetails>(Core.IngestionJson.Options) : null;
                return details?.Article is { Status: ArticleStatus.Processed or ArticleStatus.Failed } article ? article : null;
            },
            timeout,
            $"article '{name}' to be parsed");

    public Task<EventsResponse> GetEventsAsync(string query) => GetAsync<EventsResponse>($"/api/events?{query}");

    public async Task<T> GetAsync<T>(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Core.IngestionJson.Options))!;
    }
}
