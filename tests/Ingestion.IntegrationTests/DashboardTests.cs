using System.Diagnostics;
using System.Net;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the local host with the
/// samples. Each test runs one check of <c>Browser/dashboard-check.mjs</c>.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DashboardTests(SamplesHostFixture host) : IClassFixture<SamplesHostFixture>
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Where the check writes its screenshots (wide and narrow), for the README.</summary>
    private static readonly string Output = Path.Combine(AppContext.BaseDirectory, "TestResults");

    [SkippableFact]
    public async Task Choosing_the_reference_days_lists_the_Macron_visit_with_its_date_source_and_a_bar_for_each_day()
    {
        File.Delete(Path.Combine(Output, "dashboard.png"));
        await CheckAsync("range");
        Assert.True(new FileInfo(Path.Combine(Output, "dashboard.png")).Length > 10_000, "the wide screenshot is missing or empty");
        Assert.True(new FileInfo(Path.Combine(Output, "dashboard-narrow.png")).Length > 10_000, "the narrow screenshot is missing or empty");
    }

    [SkippableFact]
    public Task An_address_with_filters_opens_that_view_and_back_returns_to_the_one_before() => CheckAsync("address");

    [SkippableFact]
    public Task Brushing_the_timeline_narrows_the_list_to_the_span() => CheckAsync("brush");

    [SkippableFact]
    public Task Axe_finds_no_serious_accessibility_violation_wide_or_narrow() => CheckAsync("axe");

    [SkippableFact]
    public async Task Map_shows_the_seed_articles_places_and_a_circle_leads_to_its_events()
    {
        await RequireAsync(Places);
        await CheckAsync("map");
    }

    [SkippableFact]
    public async Task An_alias_in_the_actor_box_filters_to_that_actors_events()
    {
        await RequireAsync(Actors);
        await CheckAsync("alias");
    }

    [SkippableFact]
    public async Task Export_downloads_files_whose_rows_are_the_listed_events()
    {
        await RequireAsync(Exports);
        await CheckAsync("export");
    }

    /// <summary>API capabilities the dashboard uses that issue 13 adds, probed on the running host.</summary>
    private static readonly (string Name, string Probe) Places = ("places", "/api/events/summary?from=2022-02-05&to=2022-02-07&groupBy=place");
    private static readonly (string Name, string Probe) Actors = ("actors", "/api/actors?search=mac");
    private static readonly (string Name, string Probe) Exports = ("exports", "/api/events?from=2022-02-05&to=2022-02-07&format=csv");
    private static readonly (string Name, string Probe)[] Capabilities = [Places, Actors, Exports];

    /// <summary>Skips when the host does not have the API at all (404, or 400 for an unknown parameter); any other failure fails.</summary>
    private async Task RequireAsync((string Name, string Probe) capability) =>
        Skip.If(!await HasAsync(capability), $"The host has no {capability.Name} API yet ({capability.Probe}).");

    private async Task<bool> HasAsync((string Name, string Probe) capability)
    {
        using var response = await host.Http.GetAsync(capability.Probe);
        return response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
    }

    private async Task CheckAsync(string check)
    {
        // CI installs Chromium; elsewhere the test says what is missing instead of failing on it.
        Skip.If(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true", $"Chromium is not installed at {Chromium} (apt-get install chromium).");
        var root = RepositoryPaths.Root;
        Directory.CreateDirectory(Output);
        var missing = new List<string>();
        foreach (var capability in Capabilities)
        {
            if (!await HasAsync(capability))
            {
                missing.Add(capability.Name);
            }
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "tests", "Ingestion.IntegrationTests", "Browser", "dashboard-check.mjs"));
        start.ArgumentList.Add(new Uri(host.Http.BaseAddress!, "/").ToString());
        start.ArgumentList.Add(check);
        start.ArgumentList.Add(Output);
        // The panels that need a missing API show its error; the check does not count those as failures.
        start.Environment["DASHBOARD_MISSING_APIS"] = string.Join(',', missing);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"dashboard check '{check}' failed: {await output}\n{await errors}");
    }
}
