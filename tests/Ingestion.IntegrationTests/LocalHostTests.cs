using System.Net;
using System.Text.Json;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.IntegrationTests;

/// <summary>The local host over HTTP: samples ingested at start, new files picked up by the blob trigger, and parameter errors.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LocalHostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly LocalHostFixture _host = new(azurite);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Sample_articles_are_ingested_at_start_and_served_by_date()
    {
        var samples = Directory.GetFiles(Articles.SamplesFolder).Select(Path.GetFileName).ToList();
        foreach (var name in samples)
        {
            await _host.WaitForArticleAsync(name!, TimeSpan.FromSeconds(60));
        }

        var response = await _host.GetEventsAsync("from=2022-02-05&to=2022-02-07");

        Assert.Contains(response.Events, e => e.Article.Name == Articles.Seed);
        Assert.All(response.Events, e => Assert.InRange(e.Date, "2022-02-05", "2022-02-07"));
    }

    [Fact]
    public async Task Merged_events_are_served_distinct_with_their_mentions()
    {
        await _host.WaitForArticleAsync(Articles.Seed, TimeSpan.FromSeconds(60));
        const string Range = "from=2022-02-05&to=2022-02-07&limit=1000";

        var mentions = (await _host.GetEventsAsync(Range)).Events;
        Assert.All(mentions, mention => Assert.NotNull(mention.MergedKey));
        var distinct = (await _host.GetAsync<JsonElement>($"/api/events?{Range}&distinct=true")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(mentions.Select(mention => mention.MergedKey).Distinct().Order(StringComparer.Ordinal), distinct.Select(row => row.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(mentions.Count, distinct.Sum(row => row.GetProperty("mentionCount").GetInt32()));
        foreach (var name in new[] { "articleCount", "articles", "firstReported", "date", "dateValue", "precision", "type", "eventCode", "trigger", "modality", "actors", "targets", "locations", "sentence" })
        {
            Assert.True(distinct[0].TryGetProperty(name, out _), $"a distinct row has '{name}'");
        }

        var summary = await _host.GetAsync<JsonElement>("/api/events/summary?from=2022-02-05&to=2022-02-07&distinct=true");
        Assert.Equal(distinct.Count, summary.GetProperty("buckets").EnumerateArray().Sum(bucket => bucket.GetProperty("count").GetInt32()));

        var busiest = distinct.MaxBy(row => row.GetProperty("mentionCount").GetInt32());
        var key = busiest.GetProperty("key").GetString();
        var detail = await _host.GetAsync<JsonElement>($"/api/events/{key}");
        Assert.Equal(key, detail.GetProperty("event").GetProperty("key").GetString());
        Assert.Equal(
            mentions.Where(mention => mention.MergedKey == key).Select(mention => mention.Id).Order(StringComparer.Ordinal),
            detail.GetProperty("mentions").EnumerateArray().Select(mention => mention.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync("/api/events/2022-02-06_0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/api/events/latest")).StatusCode);
    }

    [Fact]
    public async Task Reference_article_events_are_served_on_their_days()
    {
        await _host.WaitForArticleAsync(Articles.Seed, TimeSpan.FromSeconds(60));

        var days = (await _host.GetEventsAsync("from=2022-02-05&to=2022-02-07&limit=1000&coded=any")).Events.Where(e => e.Article.Name == Articles.Seed).ToList();
        Assert.Contains(days, e => e.Date == "2022-02-05" && e.Trigger is "spoken" or "phone" && Names(e).Contains("Jens Stoltenberg"));
        Assert.Contains(days, e => e.Date == "2022-02-06" && e.Trigger.Contains("call", StringComparison.Ordinal) && Names(e).IsSupersetOf(["Joe Biden", "Emmanuel Macron"]));
        Assert.Contains(days, e => e.Date == "2022-02-06" && e.Trigger == "arriving" && e.Locations.Any(l => l.Name == "Poland"));
        Assert.Contains(days, e => e.Date == "2022-02-07" && e.Trigger == "visit" && e.Modality == Core.Extraction.Modality.Planned && e.Locations.Any(l => l.Name is "Russia" or "Moscow"));

        var donahue = (await _host.GetEventsAsync("from=2021-08-30&to=2021-08-30&coded=any")).Events;
        Assert.Contains(donahue, e => e.Trigger == "leave" && Names(e).Contains("Christopher Donahue"));

        var week = (await _host.GetEventsAsync("from=2022-01-31&to=2022-01-31&coded=any")).Events;
        Assert.Contains(week, e => e.DateText == "Earlier in the week" && e.DateValue == "2022-W05" && e.Precision == Core.Extraction.DatePrecision.Week);
        Assert.Contains((await _host.GetEventsAsync("from=2017-01-01&to=2017-01-01&coded=any")).Events, e => e.DateValue == "2017" && e.Precision == Core.Extraction.DatePrecision.Year);
        Assert.Contains((await _host.GetEventsAsync("from=1917-01-01&to=1917-01-01&coded=any")).Events, e => e.DateValue == "1917" && e.Precision == Core.Extraction.DatePrecision.Year);
    }

    private static HashSet<string> Names(EventRecord e) => e.Actors.Concat(e.Targets).Select(a => a.Name).ToHashSet();

    [Theory]
    [InlineData("dropped.txt")]
    [InlineData("with space.txt")]
    [InlineData("folder/in-folder.txt")]
    public async Task Uploaded_file_becomes_queryable_within_seconds(string name)
    {
        await Articles.UploadAsync(_host.Storage.Articles, name, " date 2024-03-14 Officials met in Geneva on Tuesday to discuss the ceasefire.");

        var article = await _host.WaitForArticleAsync(name, TimeSpan.FromSeconds(30));

        Assert.Equal(ArticleStatus.Processed, article.Status);
        var response = await _host.GetEventsAsync("from=2024-03-01&to=2024-03-31&coded=any");
        Assert.Contains(response.Events, e => e.Article.Name == name);
    }

    [Fact]
    public void A_failing_trigger_listener_stops_the_host_instead_of_killing_the_process()
    {
        var factory = _host.Services.GetRequiredService<Microsoft.Azure.WebJobs.Host.Timers.IWebJobsExceptionHandlerFactory>();

        Assert.IsType<StoppingExceptionHandlerFactory>(factory);
    }

    [Fact]
    public async Task Unknown_article_is_404()
    {
        using var response = await _host.Http.GetAsync("/api/articles/never-uploaded.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("to=2022-02-07", "from")]
    [InlineData("from=2022-02-05", "to")]
    [InlineData("from=2022-13-05&to=2022-02-07", "from")]
    [InlineData("from=2022-02-08&to=2022-02-07", "from")]
    [InlineData("from=2022-02-05&to=2022-02-07&limit=0", "limit")]
    [InlineData("from=2022-02-05&to=2022-02-07&limit=1001", "limit")]
    [InlineData("from=2022-02-05&to=2022-02-07&colour=red", "colour")]
    [InlineData("from=2022-02-05&to=2022-02-07&continuationToken=not-a-token", "continuationToken")]
    [InlineData("from=1900-01-01&to=2022-02-07", "to")]
    public async Task Bad_event_query_is_a_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await _host.Http.GetAsync($"/api/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.RootElement.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }
}
