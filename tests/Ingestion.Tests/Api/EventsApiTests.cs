using Ingestion.Core;
using Ingestion.Core.Actors;
using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ingestion.Tests.Api;

/// <summary>Parameter validation of GET /api/events; every case is refused before storage is touched.</summary>
public class EventsApiTests
{
    private static readonly IOptions<IngestionOptions> Options = Microsoft.Extensions.Options.Options.Create(new IngestionOptions { MaxQueryDays = 31 });

    // Points at an emulator that is never called: validation fails first.
    private static readonly IngestionApiServices Services = CreateServices();

    private static IngestionApiServices CreateServices()
    {
        var storage = new StorageClients(new ConfigurationBuilder().AddInMemoryCollection(IngestionSettingNames.Defaults).Build(), Options);
        var actors = new ActorDirectory(storage);
        var events = new EventQueryService(storage, actors);
        return new IngestionApiServices(events, new EventSummaryService(storage, events, new Ingestion.Core.Merging.MergedEventQueryService(storage, events)), actors, new ArticleRepository(storage, TimeProvider.System), Options);
    }

    private static Task<IDictionary<string, string[]>> ProblemsAsync(string query) =>
        ProblemsAsync(query, async request => (await IngestionApi.GetEventsAsync(request, Services, CancellationToken.None)).Result);

    private static Task<IDictionary<string, string[]>> ActorProblemsAsync(string query) =>
        ProblemsAsync(query, async request => (await IngestionApi.SearchActorsAsync(request, Services, CancellationToken.None)).Result);

    private static async Task<IDictionary<string, string[]>> ProblemsAsync(string query, Func<HttpRequest, Task<IResult>> handle)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        var problem = Assert.IsType<ValidationProblem>(await handle(context.Request));
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        return problem.ProblemDetails.Errors;
    }

    [Theory]
    [InlineData("?search=%20.!", "search", "letter or digit")]
    [InlineData("", "search", "Give 'search'")]
    [InlineData("?search=mac&from=2022-02-05", "to", "required")]
    [InlineData("?to=2022-02-05", "from", "required")]
    [InlineData("?search=mac&from=2022-02-07&to=2022-02-05", "from", "after")]
    [InlineData("?search=mac&from=2022-01-01&to=2022-03-01", "to", "longer than 31 days")]
    [InlineData("?search=mac&limit=0", "limit", "whole number")]
    [InlineData("?search=mac&search=mic", "search", "once")]
    [InlineData("?search=mac&actor=Macron", "actor", "Unknown parameter")]
    public async Task Bad_actor_search_parameter_is_named_with_its_reason(string query, string parameter, string reason)
    {
        var problems = await ActorProblemsAsync(query);

        Assert.Contains(reason, Assert.Single(problems[parameter]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?to=2022-02-07", "from", "required")]
    [InlineData("?from=2022-02-07", "to", "required")]
    [InlineData("?from=07/02/2022&to=2022-02-07", "from", "YYYY-MM-DD")]
    [InlineData("?from=2022-02-08&to=2022-02-07", "from", "after")]
    [InlineData("?from=2022-01-01&to=2022-03-01", "to", "longer than 31 days")]
    [InlineData("?from=2022-02-05&to=2022-02-07&limit=abc", "limit", "whole number")]
    [InlineData("?from=2022-02-05&to=2022-02-07&limit=-1", "limit", "whole number")]
    [InlineData("?from=2022-02-05&to=2022-02-07&from=2022-02-01", "from", "once")]
    [InlineData("?from=2022-02-05&to=2022-02-07&filter=PartitionKey%20ne%20''", "filter", "Unknown parameter")]
    [InlineData("?from=2022-02-05'%20or%20'1'%20eq%20'1&to=2022-02-07", "from", "YYYY-MM-DD")]
    [InlineData("?from=2022-02-05&to=2022-02-07&actor=%20-%20", "actor", "letter or digit")]
    public async Task Bad_parameter_is_named_with_its_reason(string query, string parameter, string reason)
    {
        var problems = await ProblemsAsync(query);

        Assert.Contains(reason, Assert.Single(problems[parameter]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reversed_range_is_reported_beside_an_unknown_parameter()
    {
        var problems = await ProblemsAsync("?from=2022-02-07&to=2022-02-01&colour=red");

        Assert.Equal(["colour", "from"], problems.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported()
    {
        var problems = await ProblemsAsync("?from=x&to=y&limit=0&colour=red");

        Assert.Equal(["colour", "from", "limit", "to"], problems.Keys.Order(StringComparer.Ordinal));
    }
}
