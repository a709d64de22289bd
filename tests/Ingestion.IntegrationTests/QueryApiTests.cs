using System.Net;
using System.Text.Json;
using Ingestion.Core.Api;
using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>The dashboard API over HTTP on the local host, against the sample articles: filters, paging, summaries, articles, errors.</summary>
[Collection(AzuriteTests.Name)]
public sealed class QueryApiTests(SamplesHostFixture host) : IClassFixture<SamplesHostFixture>
{
    private const string Year = "from=2021-01-01&to=2024-12-31";

    private async Task<List<EventRecord>> AllAsync(string query, int pageSize = 1000)
    {
        var events = new List<EventRecord>();
        string? token = null;
        do
        {
            var page = await host.GetEventsAsync($"{query}&limit={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}"));
            events.AddRange(page.Events);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return events;
    }

    private static void AssertDateOrder(List<EventRecord> events) =>
        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), events.Select(e => e.Id.Replace('/', '|')).Select(id => id.Replace('|', '/')));

    [Fact]
    public async Task Actor_filter_returns_exactly_the_events_the_actor_takes_part_in()
    {
        var all = await AllAsync(Year);
        var macron = await AllAsync($"{Year}&actor=emmanuel%20MACRON");

        Assert.NotEmpty(macron);
        Assert.Equal(
            all.Where(e => e.Actors.Concat(e.Targets).Any(a => a.Name == "Emmanuel Macron")).Select(e => e.Id).Order(StringComparer.Ordinal),
            macron.Select(e => e.Id).Order(StringComparer.Ordinal));
        AssertDateOrder(macron);
    }

    [Fact]
    public async Task Places_are_geocoded_searchable_and_filtered_by_id_or_any_alias()
    {
        var all = await AllAsync(Year);
        using var places = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/places?{Year}&search=MOSC"));
        var moscow = places.RootElement.GetProperty("places").EnumerateArray().First();
        var byAlias = await host.Http.GetStringAsync($"/api/events?{Year}&location=Moskva&limit=1000");
        using var summary = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/events/summary?{Year}&groupBy=place&limit=1000"));

        var atMoscow = all.Where(e => e.Locations.Any(p => p.GeonameId == 524901)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(atMoscow);
        Assert.Equal(("524901", "Moscow", "RU", atMoscow.Count), (moscow.GetProperty("id").GetString(), moscow.GetProperty("name").GetString(), moscow.GetProperty("countryCode").GetString(), moscow.GetProperty("count").GetInt32()));
        Assert.Equal(55.75, moscow.GetProperty("latitude").GetDouble(), 1);
        var response = JsonSerializer.Deserialize<EventsResponse>(byAlias, Core.IngestionJson.Options)!;
        Assert.Equal(atMoscow, response.Events.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Contains(response.ResolvedPlaces!, p => p.Id == "524901");
        var bucket = summary.RootElement.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "524901");
        Assert.Equal((atMoscow.Count, "city"), (bucket.GetProperty("count").GetInt32(), bucket.GetProperty("featureKind").GetString()));
        Assert.All(all.SelectMany(e => e.Locations).Where(p => p.Id is not null), p => Assert.NotNull(p.Latitude));
    }

    [Fact]
    public async Task Csv_streams_every_page_with_a_header_row_and_the_same_filters()
    {
        var all = await AllAsync($"{Year}&type=04");
        var csv = await host.Http.GetStringAsync($"/api/events?{Year}&type=04&format=csv&limit=7");
        using var accepted = new HttpRequestMessage(HttpMethod.Get, $"/api/events?{Year}&type=04");
        accepted.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await host.Http.SendAsync(accepted);

        var rows = CsvRows(csv);
        Assert.Equal("id", rows[0][0]);
        Assert.True(all.Count > 7, "The filter must span several pages for this test to mean anything.");
        Assert.Equal(all.Select(e => e.Id), rows.Skip(1).Select(row => row[0]));
        Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(csv, await byAccept.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GeoJson_holds_every_event_with_coordinates_and_place_summaries_as_points()
    {
        var all = await AllAsync(Year);
        using var events = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/events?{Year}&format=geojson&limit=50"));
        using var places = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/events/summary?{Year}&groupBy=place&format=geojson"));
        using var notPlaces = await host.Http.GetAsync($"/api/events/summary?{Year}&groupBy=day&format=geojson");

        var located = all.Where(e => e.Locations.Any(p => p.Latitude is not null)).ToList();
        Assert.NotEmpty(located);
        Assert.Equal("FeatureCollection", events.RootElement.GetProperty("type").GetString());
        var features = events.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(located.Select(e => e.Id), features.Select(f => f.GetProperty("properties").GetProperty("id").GetString()));
        var first = located[0].Locations.First(p => p.Latitude is not null);
        Assert.Equal([first.Longitude!.Value, first.Latitude!.Value], features[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Contains(places.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("key").GetString() == "524901");
        Assert.Equal(HttpStatusCode.BadRequest, notPlaces.StatusCode);
        Assert.Contains("format", await notPlaces.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> CsvRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    [Fact]
    public async Task Type_filter_takes_codes_or_labels_and_several_types_mean_any_of_them()
    {
        var all = await AllAsync(Year);
        var byCode = await AllAsync($"{Year}&type=04");
        var byLabel = await AllAsync($"{Year}&type=consult");
        var either = await AllAsync($"{Year}&type=04&type=15");

        Assert.NotEmpty(byCode);
        Assert.Equal(byCode.Select(e => e.Id), byLabel.Select(e => e.Id));
        Assert.Equal(all.Where(e => e.Type?.Code is "04" or "15").Select(e => e.Id).Order(StringComparer.Ordinal), either.Select(e => e.Id).Order(StringComparer.Ordinal));
        AssertDateOrder(either);
    }

    [Theory]
    [InlineData("location=poland")]
    [InlineData("country=PL")]
    [InlineData("country=pl&type=15")]
    [InlineData("precision=week")]
    [InlineData("precision=year")]
    [InlineData("article=000_40f01add132810ba.txt")]
    [InlineData("actor=person:emmanuel-macron&location=Moscow")]
    public async Task Filter_returns_what_filtering_every_event_would(string filter)
    {
        var all = await AllAsync(Year);
        var query = new EventQuery(new DateOnly(2021, 1, 1), new DateOnly(2024, 12, 31));
        foreach (var pair in filter.Split('&').Select(p => p.Split('=')).Select(p => (p[0], Uri.UnescapeDataString(p[1]))))
        {
            query = pair.Item1 switch
            {
                "location" => query with { Location = pair.Item2 },
                "country" => query with { Country = pair.Item2 },
                "type" => query with { Types = [pair.Item2] },
                "precision" => query with { Precision = Enum.Parse<DatePrecision>(pair.Item2, ignoreCase: true) },
                "article" => query with { Article = pair.Item2 },
                // An actor id resolves to itself.
                _ => query with { Actor = pair.Item2, ActorIds = [pair.Item2] },
            };
        }

        var filtered = await AllAsync($"{Year}&{filter}");

        Assert.NotEmpty(filtered);
        Assert.Equal(all.Where(e => query.Matches(e, query.LocationKeys)).Select(e => e.Id).Order(StringComparer.Ordinal), filtered.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&actor=Emmanuel%20Macron")]
    [InlineData("&type=04&type=01")]
    public async Task Small_pages_add_up_to_the_single_page_in_the_same_order(string filter)
    {
        var whole = await AllAsync(Year + filter);
        var paged = await AllAsync(Year + filter, pageSize: 3);

        Assert.True(whole.Count > 3);
        Assert.Equal(whole.Select(e => e.Id), paged.Select(e => e.Id));
    }

    [Fact]
    public async Task Token_is_refused_with_other_parameters_or_when_altered()
    {
        var first = await host.GetEventsAsync($"{Year}&limit=2");
        Assert.NotNull(first.ContinuationToken);

        using var other = await host.Http.GetAsync($"/api/events?{Year}&limit=2&actor=x&continuationToken={Uri.EscapeDataString(first.ContinuationToken)}");
        var altered = first.ContinuationToken[..^3] + (first.ContinuationToken[^3] == 'Q' ? "R" : "Q") + first.ContinuationToken[^2..];
        using var tampered = await host.Http.GetAsync($"/api/events?{Year}&limit=2&continuationToken={Uri.EscapeDataString(altered)}");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
    }

    [Theory]
    [InlineData("actor=x'%20or%20'1'%20eq%20'1")]
    [InlineData("actor=x')%20or%20(PartitionKey%20ne%20'")]
    [InlineData("location=Poland'%20or%20true%20or%20'")]
    [InlineData("article=a'%20or%20'a'%20eq%20'a")]
    public async Task Injection_in_a_filter_value_matches_nothing(string filter)
    {
        var page = await host.GetEventsAsync($"{Year}&{filter}");

        Assert.Empty(page.Events);
    }

    [Theory]
    [InlineData("/api/events?from=2022-02-05&to=2022-02-07&country=PL'", "country")]
    [InlineData("/api/events?from=2022-02-05&to=2022-02-07&type=04'%20or%20'1", "type")]
    [InlineData("/api/events?from=2022-02-05&to=2022-02-07&precision=hour", "precision")]
    [InlineData("/api/events/summary?from=2022-02-05&to=2022-02-07&groupBy=weekday", "groupBy")]
    [InlineData("/api/events/summary?from=2022-02-05&to=2022-02-07&continuationToken=x", "continuationToken")]
    [InlineData("/api/articles?status=lost", "status")]
    [InlineData("/api/articles?limit=5000", "limit")]
    [InlineData("/api/articles?sort=name", "sort")]
    [InlineData("/api/articles?continuationToken=abc", "continuationToken")]
    [InlineData("/api/articles/000_40f01add132810ba.txt?verbose=1", "verbose")]
    [InlineData("/api/events?from=2022-02-05&to=2022-02-07&actor=%2D", "actor")]
    [InlineData("/api/actors", "search")]
    [InlineData("/api/actors?search=%21%21", "search")]
    [InlineData("/api/actors?search=mac&from=2022-02-05", "to")]
    [InlineData("/api/actors?search=mac&limit=1001", "limit")]
    public async Task Bad_parameter_on_any_route_is_a_problem_naming_it(string pathAndQuery, string parameter)
    {
        using var response = await host.Http.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&coded=true")]
    [InlineData("&coded=false")]
    [InlineData("&coded=any")]
    public async Task Daily_summary_counts_the_events_of_each_day_by_type(string selection)
    {
        var events = await AllAsync("from=2022-02-05&to=2022-02-07" + selection);

        var summary = await host.GetAsync<EventSummary>("/api/events/summary?from=2022-02-05&to=2022-02-07&groupBy=day" + selection);

        Assert.NotEmpty(events);
        Assert.Equal(selection is "" or "&coded=true", events.All(e => e.Coded));
        Assert.Equal(
            events.GroupBy(e => e.Date).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), g.Count(e => e.DateSource == DateSource.BeforePublication))),
            summary.Buckets.Select(b => (b.Key, b.Count, b.BeforePublication ?? 0)));
        Assert.All(summary.Buckets, bucket => Assert.Equal(
            events.Where(e => e.Date == bucket.Key && e.Type is not null).GroupBy(e => e.Type!.Code).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key),
            bucket.ByType!.OrderBy(p => p.Key)));
    }

    [Theory]
    [InlineData("groupBy=type")]
    [InlineData("groupBy=actor")]
    [InlineData("groupBy=country")]
    [InlineData("groupBy=month")]
    [InlineData("groupBy=week&actor=Emmanuel%20Macron")]
    [InlineData("groupBy=location&type=15")]
    public async Task Summary_matches_counting_the_events_themselves(string grouping)
    {
        var filter = string.Join('&', grouping.Split('&').Skip(1));
        var events = await AllAsync(Year + (filter.Length > 0 ? "&" + filter : string.Empty));
        var groupBy = Enum.Parse<SummaryGrouping>(grouping.Split('&')[0]["groupBy=".Length..], ignoreCase: true);

        var summary = await host.GetAsync<EventSummary>($"/api/events/summary?{Year}&{grouping}&limit=1000");

        var expected = events
            .SelectMany(e => groupBy switch
            {
                SummaryGrouping.Type => e.Type is null ? [] : [e.Type.Code],
                SummaryGrouping.Actor => e.Actors.Concat(e.Targets).Select(a => a.Id).Distinct(),
                SummaryGrouping.Location => e.Locations.Select(p => p.Name).Distinct(),
                SummaryGrouping.Country => e.Actors.Concat(e.Targets).Select(a => a.CountryCode).Concat(e.Locations.Select(p => p.CountryCode)).OfType<string>().Distinct(),
                SummaryGrouping.Month => [e.Date[..7]],
                _ => [$"{System.Globalization.ISOWeek.GetYear(DateTime.Parse(e.Date, System.Globalization.CultureInfo.InvariantCulture))}-W{System.Globalization.ISOWeek.GetWeekOfYear(DateTime.Parse(e.Date, System.Globalization.CultureInfo.InvariantCulture)):D2}"],
            })
            .GroupBy(key => key)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(summary.Buckets);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), summary.Buckets.ToDictionary(b => b.Key, b => b.Count).OrderBy(p => p.Key, StringComparer.Ordinal));
        if (groupBy is SummaryGrouping.Type or SummaryGrouping.Actor)
        {
            Assert.All(summary.Buckets, b => Assert.False(string.IsNullOrEmpty(b.Label)));
        }
    }

    [Fact]
    public async Task Articles_list_by_status_in_pages()
    {
        var samples = Directory.GetFiles(Articles.SamplesFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = await host.GetAsync<ArticlesResponse>("/api/articles?status=processed&limit=4" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}"));
            Assert.All(page.Articles, a => Assert.Equal(ArticleStatus.Processed, a.Status));
            listed.AddRange(page.Articles.Select(a => a.Name));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(samples, listed.Order(StringComparer.Ordinal));
        Assert.Empty((await host.GetAsync<ArticlesResponse>("/api/articles?status=failed")).Articles);
    }

    [Fact]
    public async Task Article_comes_with_its_events()
    {
        var details = await host.GetAsync<ArticleDetails>($"/api/articles/{Articles.Seed}");

        Assert.Equal(details.Article.EventCount, details.Events.Count);
        Assert.All(details.Events, e => Assert.Equal(Articles.Seed, e.Article.Name));
        Assert.False(details.MoreEvents);
    }

    [Fact]
    public async Task Allowed_origin_gets_cors_headers_and_others_do_not()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/events?from=2022-02-05&to=2022-02-07") { Headers = { { "Origin", LocalHostFixture.AllowedOrigin } } };
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/events?from=2022-02-05&to=2022-02-07") { Headers = { { "Origin", "http://elsewhere.example" } } };

        using var allowedResponse = await host.Http.SendAsync(allowed);
        using var otherResponse = await host.Http.SendAsync(other);

        Assert.Equal(LocalHostFixture.AllowedOrigin, Assert.Single(allowedResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Latest_event_date_has_events_and_no_later_day_up_to_today_has_any()
    {
        var latest = await host.GetAsync<LatestEventDate>("/api/events/latest");
        var day = DateOnly.ParseExact(latest!.Date!, "yyyy-MM-dd");

        Assert.NotEmpty((await host.GetEventsAsync($"from={latest.Date}&to={latest.Date}")).Events);
        // A plain-text sample is dated by its upload, so the latest day may be today itself.
        var until = DateOnly.ParseExact(latest.Until, "yyyy-MM-dd");
        Assert.True(day <= until);
        if (day < until)
        {
            Assert.Empty((await host.GetEventsAsync($"from={day.AddDays(1):yyyy-MM-dd}&to={latest.Until}")).Events);
        }
    }

    [Fact]
    public async Task OpenApi_document_lists_every_api_route_and_parameter_and_nothing_else()
    {
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync("/api/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");

        var documented = paths.EnumerateObject().ToDictionary(
            path => path.Name,
            path => path.Value.GetProperty("get").TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList()
                : []);
        var served = host.ApiRoutes().ToDictionary(route => route, route => route switch
        {
            "/api/events" => EventsParameters.Names.Order(StringComparer.Ordinal).ToList(),
            "/api/events/summary" => SummaryParameters.Names.Order(StringComparer.Ordinal).ToList(),
            "/api/articles" => ArticlesParameters.Names.Order(StringComparer.Ordinal).ToList(),
            "/api/actors" => ActorsParameters.Names.Order(StringComparer.Ordinal).ToList(),
            "/api/places" => PlacesParameters.Names.Order(StringComparer.Ordinal).ToList(),
            _ => [],
        });

        Assert.Equal(served.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(served, route => Assert.Equal(route.Value, documented[route.Key]));
    }
}
