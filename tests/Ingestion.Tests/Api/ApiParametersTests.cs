using System.Text.Json;
using Ingestion.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestion.Tests.Api;

/// <summary>The query records: the Functions app's binding matches ASP.NET Core's, and the handlers read the record they are given.</summary>
public class ApiParametersTests
{
    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;

    /// <summary>The record ASP.NET Core's minimal APIs bind from the query, as the local host does.</summary>
    private static async Task<T> AspNetCoreBindsAsync<T>(string query)
    {
        T? bound = default;
        var factory = RequestDelegateFactory.Create(([AsParameters] T parameters) => bound = parameters);
        await factory.RequestDelegate(Request(query).HttpContext);
        return bound!;
    }

    private static string Json(object record) => JsonSerializer.Serialize(record);

    [Theory]
    [InlineData("")]
    [InlineData("?from=2022-02-05&to=2022-02-07&type=04&type=consult&actor=Macron&limit=5&format=csv")]
    [InlineData("?from=2022-02-05&from=2022-02-01&location=&continuationToken=abc&colour=red")]
    public async Task Functions_binding_of_the_events_record_is_ASP_NET_Cores(string query)
    {
        Assert.Equal(Json(await AspNetCoreBindsAsync<EventsParameters>(query)), Json(EventsParameters.Bind(Request(query).Query)));
    }

    [Theory]
    [InlineData("?from=2022-02-05&to=2022-02-07&groupBy=type&type=04&type=05&coded=any")]
    [InlineData("?limit=1&limit=2")]
    public async Task Functions_binding_of_the_summary_record_is_ASP_NET_Cores(string query)
    {
        Assert.Equal(Json(await AspNetCoreBindsAsync<SummaryParameters>(query)), Json(SummaryParameters.Bind(Request(query).Query)));
    }

    [Fact]
    public void Every_value_of_a_repeated_type_is_bound()
    {
        var parameters = EventsParameters.Bind(Request("?type=04&type=MATERIAL%20COOPERATE&type=").Query);

        Assert.Equal(["04", "MATERIAL COOPERATE", string.Empty], parameters.Type!);
    }

    [Fact]
    public async Task Handlers_read_the_record_they_are_given_not_the_query()
    {
        // The query alone is valid; only the record's reversed range and unknown grouping can be refused.
        var request = Request("?from=2022-02-07&to=2022-02-07");

        var events = await IngestionApi.GetEventsAsync(EventsParameters.Bind(request.Query) with { From = "2022-02-08" }, request, EventsApiTests.Services, CancellationToken.None);
        var summary = await IngestionApi.GetEventSummaryAsync(SummaryParameters.Bind(request.Query) with { GroupBy = "hour" }, request, EventsApiTests.Services, CancellationToken.None);

        Assert.Contains("'from' (2022-02-08) is after 'to' (2022-02-07)", Assert.Single(Assert.IsType<ValidationProblem>(events.Result).ProblemDetails.Errors["from"]), StringComparison.Ordinal);
        Assert.Contains("got 'hour'", Assert.Single(Assert.IsType<ValidationProblem>(summary.Result).ProblemDetails.Errors["groupBy"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_and_the_API_refuse_a_filter_for_the_same_reason()
    {
        var (_, errors) = IngestionApi.ReadEventQuery(EventsParameters.Bind(Request("?from=2022-02-05&to=2022-02-07&country=France").Query), int.MaxValue);

        Assert.Equal(["country"], errors.Keys);
    }
}
