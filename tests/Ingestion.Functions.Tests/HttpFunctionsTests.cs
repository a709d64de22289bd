using System.Reflection;
using System.Text.Json;
using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Functions.Tests;

/// <summary>The dashboard API through the Functions classes, as the worker calls them, on Azurite with the sample articles parsed.</summary>
public sealed class HttpFunctionsTests(HttpFunctionsTests.Samples samples) : IClassFixture<HttpFunctionsTests.Samples>
{
    private const string Year = "from=2021-01-01&to=2024-12-31";

    private FunctionsHost Host => samples.Host;

    /// <summary>One Azurite and worker for the class, with every sample article parsed through ParseArticle.</summary>
    public sealed class Samples : IAsyncLifetime
    {
        private readonly AzuriteFixture _azurite = new();

        public FunctionsHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _azurite.InitializeAsync();
            Host = FunctionsHost.Create(new Dictionary<string, string?>(IngestionSettingNames.Defaults) { [IngestionSettingNames.StorageConnection] = _azurite.ConnectionString });
            var storage = Host.Services.GetRequiredService<StorageClients>();
            await storage.EnsureCreatedAsync(CancellationToken.None);
            foreach (var file in Directory.GetFiles(RepositoryPaths.SampleArticles))
            {
                var uploaded = await storage.Articles.UploadBlobAsync(Path.GetFileName(file), BinaryData.FromBytes(await File.ReadAllBytesAsync(file)));
                await Host.Function<ParseArticle>().RunAsync(new ParseRequest(Path.GetFileName(file), uploaded.Value.ETag.ToString()), 1, CancellationToken.None);
            }
        }

        public async Task DisposeAsync()
        {
            Host.Dispose();
            await _azurite.DisposeAsync();
        }
    }

    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString("?" + query) } }.Request;

    private async Task<List<EventRecord>> AllEventsAsync(string query, int pageSize)
    {
        var events = new List<EventRecord>();
        string? token = null;
        do
        {
            var result = await Host.Function<GetEvents>().RunAsync(Request($"{query}&limit={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}")), CancellationToken.None);
            var page = Assert.IsType<Ok<EventsResponse>>(result.Result).Value!;
            events.AddRange(page.Events);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return events;
    }

    [Fact]
    public async Task Filtered_events_page_through_to_the_same_list_as_one_page()
    {
        var whole = await AllEventsAsync($"{Year}&actor=Emmanuel%20Macron", 1000);
        var paged = await AllEventsAsync($"{Year}&actor=Emmanuel%20Macron", 2);

        Assert.NotEmpty(whole);
        Assert.All(whole, e => Assert.Contains(e.Actors.Concat(e.Targets), a => a.Name == "Emmanuel Macron"));
        Assert.Equal(whole.Select(e => e.Id), paged.Select(e => e.Id));
    }

    [Fact]
    public async Task The_function_key_parameter_is_not_refused_but_unknown_ones_are()
    {
        var withKey = await Host.Function<GetEvents>().RunAsync(Request("from=2022-02-05&to=2022-02-07&code=secret"), CancellationToken.None);
        var unknown = await Host.Function<GetEvents>().RunAsync(Request("from=2022-02-05&to=2022-02-07&colour=red"), CancellationToken.None);

        Assert.NotEmpty(Assert.IsType<Ok<EventsResponse>>(withKey.Result).Value!.Events);
        Assert.Contains("colour", Assert.IsType<ValidationProblem>(unknown.Result).ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task Summary_and_article_list_answer_like_the_local_host()
    {
        var summary = await Host.Function<GetEventSummary>().RunAsync(Request("from=2022-02-05&to=2022-02-07&groupBy=day"), CancellationToken.None);
        var articles = await Host.Function<ListArticles>().RunAsync(Request("status=processed&limit=1000"), CancellationToken.None);
        var badGrouping = await Host.Function<GetEventSummary>().RunAsync(Request("from=2022-02-05&to=2022-02-07&groupBy=hour"), CancellationToken.None);

        Assert.Equal(["2022-02-05", "2022-02-06", "2022-02-07"], Assert.IsType<Ok<EventSummary>>(summary.Result).Value!.Buckets.Select(b => b.Key));
        Assert.Equal(
            Directory.GetFiles(RepositoryPaths.SampleArticles).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Assert.IsType<Ok<ArticlesResponse>>(articles.Result).Value!.Articles.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Contains("groupBy", Assert.IsType<ValidationProblem>(badGrouping.Result).ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task Query_values_bound_by_the_function_classes_reach_the_handlers()
    {
        var page = await Host.Function<GetEvents>().RunAsync(Request("from=2022-02-05&to=2022-02-07&limit=1"), CancellationToken.None);
        var byType = await Host.Function<GetEventSummary>().RunAsync(Request("from=2022-02-05&to=2022-02-07&groupBy=type&type=04&type=06"), CancellationToken.None);

        var events = Assert.IsType<Ok<EventsResponse>>(page.Result).Value!;
        Assert.Single(events.Events);
        Assert.NotNull(events.ContinuationToken);
        var summary = Assert.IsType<Ok<EventSummary>>(byType.Result).Value!;
        Assert.Equal(SummaryGrouping.Type, summary.GroupBy);
        Assert.Contains(summary.Buckets, bucket => bucket.Key == "04");
        Assert.All(summary.Buckets, bucket => Assert.Contains(bucket.Key, (string[])["04", "06"]));
    }

    [Fact]
    public async Task OpenApi_document_lists_exactly_the_http_functions_routes()
    {
        var routes = typeof(GetEvents).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()?.Route)
            .OfType<string>()
            .Select(route => "/api/" + route.Replace("{*", "{", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var document = await Host.Function<GetOpenApiDocument>().RunAsync(Request(string.Empty));

        using var json = JsonDocument.Parse(document.ResponseContent!);
        Assert.Equal(routes, json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
