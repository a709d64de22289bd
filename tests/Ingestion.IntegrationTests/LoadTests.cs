using System.Diagnostics;
using System.Globalization;
using Ingestion.Core.Storage;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>Heavy runs, on when INGESTION_FULL_RELIABILITY=1: a thousand files at once, and HTTP load from another process.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>wrk runs for a duration, not a count: long enough for 10,000 requests at the ~45 requests/s a Debug host on Azurite serves on a busy 2-core machine.</summary>
    private const int LoadSeconds = 240;

    [FullReliabilityFact]
    public async Task Thousand_files_dropped_at_once_are_all_processed() =>
        await LocalHostFixture.RunAsync(new TestStorage(azurite), new Dictionary<string, string?> { ["LocalHost:UploadSamples"] = "false" }, configure: null, async host =>
        {
            var articles = GeneratedArticles.Create(1000);
            var stopwatch = Stopwatch.StartNew();

            await GeneratedArticles.UploadAsync(host.Storage.Articles, articles);
            var uploaded = stopwatch.Elapsed;
            await Eventually.GetAsync(
                async () => await GeneratedArticles.CountAsync(host.Storage, ArticleStatus.Processed) == articles.Count ? host : null,
                TimeSpan.FromMinutes(15),
                "every article to be processed");

            output.WriteLine($"{articles.Count} articles uploaded in {uploaded.TotalSeconds:0.0} s, all processed in {stopwatch.Elapsed.TotalSeconds:0.0} s ({articles.Count / stopwatch.Elapsed.TotalSeconds:0.0} articles/s)");
            Assert.Equal(0, await GeneratedArticles.CountAsync(host.Storage, ArticleStatus.Failed));
        });

    [FullReliabilityFact]
    public async Task Query_api_serves_ten_thousand_requests_from_another_process_without_errors() =>
        await LocalHostFixture.RunAsync(new TestStorage(azurite), settings: null, configure: null, async host =>
        {
            await host.WaitForArticleAsync(Articles.Seed, TimeSpan.FromSeconds(60));
            var script = Path.Combine(AppContext.BaseDirectory, "Load", "query-load.sh");
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in (string[])[script, host.Http.BaseAddress!.ToString().TrimEnd('/'), $"{LoadSeconds}s", "16"])
            {
                start.ArgumentList.Add(argument);
            }

            using var wrk = Process.Start(start)!;
            var report = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            output.WriteLine(report);

            var totals = report.Split('\n').Select(line => line.Split('=')).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
            Assert.Equal(0, wrk.ExitCode);
            Assert.True(totals["requests"] >= 10_000, $"only {totals["requests"]} requests in {LoadSeconds} s");
            Assert.Equal((0d, 0d), (totals["socket_errors"], totals["non_2xx"]));
        });
}
