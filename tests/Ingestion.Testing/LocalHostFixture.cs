using System.Net.Http.Json;
using Ingestion.Core.Api;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Testing;

/// <summary>The local host running in-process against a test Azurite, with the sample articles uploaded at start.</summary>
/// <param name="settings">Settings over the test storage's, such as <c>LocalHost:UploadSamples=false</c>.</param>
/// <param name="configure">Services or logging a test replaces (a fault-injecting extractor, a log capture).</param>
public class LocalHostFixture(TestStorage storage, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null) : IAsyncLifetime
{
    private WebApplication? _app;
    private LocalAzurite? _azurite;

    public LocalHostFixture(AzuriteFixture azurite)
        : this(new TestStorage(azurite))
    {
    }

    public HttpClient Http { get; } = new();

    public TestStorage TestStorage => storage;

    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    /// <summary>The Azurite the host started (with <c>LocalHost:StartAzurite=true</c> and a local emulator connection).</summary>
    public LocalAzurite OwnAzurite => _azurite ?? throw new InvalidOperationException("The host has not started.");

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The host has not started.")).Services;

    /// <summary>The /api routes the host serves, as OpenAPI writes them ({*name} becomes {name}).</summary>
    public IEnumerable<string> ApiRoutes() =>
        Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{*", "{", StringComparison.Ordinal))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct();

    /// <summary>Origins the host lets call its API from a browser.</summary>
    public const string AllowedOrigin = "http://dashboard.example";

    public int Port { get; } = FreePorts.Next();

    /// <summary>Runs a test against a host of its own, started with the test's settings or services, and stops the host after.</summary>
    public static async Task RunAsync(TestStorage storage, IReadOnlyDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configure, Func<LocalHostFixture, Task> test)
    {
        var host = new LocalHostFixture(storage, settings, configure);
        try
        {
            await host.InitializeAsync();
            await test(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    public virtual async Task InitializeAsync()
    {
        _app = LocalHostApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage.Settings)
            {
                ["urls"] = $"http://127.0.0.1:{Port}",
                ["LocalHost:StartAzurite"] = "false",
                ["LocalHost:HostId"] = $"test-{Guid.NewGuid():N}"[..32],
                ["LocalHost:SamplesPath"] = Articles.SamplesFolder,
                ["LocalHost:AllowedOrigins:0"] = AllowedOrigin,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            configure?.Invoke(builder);
        });
        _azurite = await _app.StartLocalHostAsync();
        Http.BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>The article's row as the API serves it, or null before it is received.</summary>
    public async Task<ArticleRecord?> GetArticleAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync($"/api/articles/{Uri.EscapeDataString(name)}", cancellationToken);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<ArticleDetails>(Core.IngestionJson.Options, cancellationToken))?.Article : null;
    }

    /// <summary>Waits until the article has been parsed (processed or failed) and returns its row.</summary>
    public Task<ArticleRecord> WaitForArticleAsync(string name, TimeSpan timeout) =>
        Eventually.GetAsync(
            async () => await GetArticleAsync(name) is { Status: ArticleStatus.Processed or ArticleStatus.Failed } article ? article : null,
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
