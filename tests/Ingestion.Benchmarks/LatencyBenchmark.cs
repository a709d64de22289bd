using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Storage;
using Ingestion.Testing;

namespace Ingestion.Benchmarks;

/// <summary>
/// Upload to queryable on the local host, in-process with its shipped defaults: a few clients upload articles with
/// random pauses (so uploads fall at random points of the poll cycles) and poll each article's row until it is
/// processed; the same response serves its events, which are written before the row is marked.
/// </summary>
public sealed class LatencyBenchmark : IBenchmark
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(20);

    public string Name => "latency";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var uploads = context.Options.Count("uploads", 200, 12);
        var clients = context.Options.Count("clients", 4, 3);
        var texts = Corpus.Load().DatedTexts();

        // The host logs a line per article at Information; the benchmark's own output is what matters here.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var host = new LocalHostFixture(await context.AzuriteAsync());
        await host.InitializeAsync();
        try
        {
            var container = host.Storage.Articles;
            var latencies = new double[uploads];
            using var progress = new Progress(context.Output, "uploads", uploads);
            await Parallel.ForEachAsync(Enumerable.Range(0, uploads), PipelineRig.Options(clients, cancellationToken), async (i, token) =>
            {
                await Task.Delay(Random.Shared.Next(0, 1000), token);
                var name = $"latency-{i:D4}.txt";
                var text = Corpus.WithPublicationDate(texts[i % texts.Count], new DateOnly(2020, 1, 1).AddDays(i));
                await container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text)), token);
                var uploaded = Stopwatch.StartNew();
                while (!await IsProcessedAsync(host.Http, name, token))
                {
                    if (uploaded.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new TimeoutException($"{name} was not processed within 60 s.");
                    }

                    await Task.Delay(ProbeInterval, token);
                }

                latencies[i] = uploaded.Elapsed.TotalMilliseconds;
                progress.Add(1);
            });

            Array.Sort(latencies);
            var report = new BenchmarkReport(Name);
            report.Add("uploads", uploads, "uploads");
            report.Add("upload -> queryable p50", Percentile(latencies, 0.50), "ms");
            report.Add("upload -> queryable p95", Percentile(latencies, 0.95), "ms", Bar.Max(2000));
            report.Add("upload -> queryable max", latencies[^1], "ms");
            report.Notes.Add($"{clients} clients uploading with random pauses of 0-1 s; the row is probed every {ProbeInterval.TotalMilliseconds:0} ms.");
            return report;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<bool> IsProcessedAsync(HttpClient http, string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/articles/{Uri.EscapeDataString(name)}", cancellationToken);
        return response.IsSuccessStatusCode
            && await response.Content.ReadFromJsonAsync<ArticleDetails>(IngestionJson.Options, cancellationToken) is { Article.Status: ArticleStatus.Processed };
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
