using System.Net.Http.Json;
using Ingestion.Core.Api;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.IntegrationTests;

/// <summary>The local host running in-process against the test Azurite, with the sample articles uploaded at start.</summary>
public sealed class LocalHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; } = new();

    public StorageClients Storage => _app!.Services.GetRequiredService<StorageClients>();

    public async Task InitializeAsync()
    {
        var storage = new TestStorage(azurite);
        var port = Azurite.FreePort();
        _app = LocalHostApp.Create([], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["LocalHost:StartAzurite"] = "false",
            ["LocalHost:HostId"] = $"test-{Guid.NewGuid():N}"[..32],
            ["LocalHost:SamplesPath"] = Articles.SamplesFolder,
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

    public async Task<EventsResponse> GetEventsAsync(string query)
    {
        using var response = await Http.GetAsync($"/api/events?{query}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EventsResponse>(Core.IngestionJson.Options))!;
    }
}
