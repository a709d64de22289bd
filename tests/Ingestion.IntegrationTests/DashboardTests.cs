using System.Diagnostics;

namespace Ingestion.IntegrationTests;

/// <summary>The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the local host with the samples.</summary>
[Collection(AzuriteTests.Name)]
public sealed class DashboardTests(SamplesHostFixture host) : IClassFixture<SamplesHostFixture>
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    [SkippableFact]
    public async Task Choosing_the_reference_days_shows_the_Macron_visit_and_bars_for_each_day()
    {
        // CI installs Chromium; elsewhere the test says what is missing instead of failing on it.
        Skip.If(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true", $"Chromium is not installed at {Chromium} (apt-get install chromium).");
        var root = RepositoryPaths.Root;
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "tests", "Ingestion.IntegrationTests", "Browser", "dashboard-check.mjs"));
        start.ArgumentList.Add(new Uri(host.Http.BaseAddress!, "/").ToString());
        start.ArgumentList.Add(screenshot);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"dashboard check failed: {await output}\n{await errors}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
    }
}
