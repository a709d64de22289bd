using System.Diagnostics;
using System.Text;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;

namespace Ingestion.Benchmarks;

/// <summary>
/// Peak working set while one very large article goes through the pipeline, at the default size limit (refused
/// unread) and with the limit raised; and whether memory grows with the number of articles processed.
/// </summary>
public sealed class MemoryBenchmark : IBenchmark
{
    public string Name => "memory";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var report = new BenchmarkReport(Name);
        var corpus = Corpus.Load().DatedTexts();

        var articleBytes = options.Count("article-kb", 100 * 1024, 256) * 1024L;
        // Smoke runs use a small article, so they lower the limit to take the refusal path too.
        var limit = options.Smoke ? articleBytes / 2 : new IngestionOptions().MaxArticleBytes;
        var timeout = TimeSpan.FromSeconds(options.Count("large-timeout-s", 180, 60));
        // Growth first: the large article leaves gigabytes the runtime hands back only slowly, which would skew the working set slope.
        await GrowthAsync(context, report, corpus, options.Count("articles", 2_000, 40), options.Count("chunk", 200, 10), cancellationToken);
        await LargeArticleAsync(context, report, corpus, articleBytes, limit, "default limit", timeout, cancellationToken);
        await LargeArticleAsync(context, report, corpus, articleBytes, articleBytes * 2, "raised limit", timeout, cancellationToken);
        return report;
    }

    private static async Task LargeArticleAsync(
        BenchmarkContext context, BenchmarkReport report, IReadOnlyList<string> corpus, long size, long limit, string label, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var rig = await PipelineRig.CreateAsync(context, new Dictionary<string, string?> { [$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxArticleBytes)}"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var request = await UploadLargeAsync(rig.Core.Get<StorageClients>(), corpus, size, cancellationToken);
        var prefix = $"{size / 1048576.0:0.##} MB article, {label} ({limit / 1048576.0:0.##} MB)";

        GC.Collect();
        var baseline = MemorySampler.WorkingSetMegabytes;
        var stopwatch = Stopwatch.StartNew();
        string outcome;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using (var sampler = new MemorySampler())
        {
            try
            {
                await rig.Core.Get<ArticleProcessor>().ProcessAsync(request, dequeueCount: 1, deadline.Token);
                var row = await rig.Core.Get<ArticleRepository>().GetAsync(request.BlobName, cancellationToken);
                outcome = $"{row?.Status}: {row?.EventCount} events{(row?.Error is { } error ? $"; {error}" : string.Empty)}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = $"not finished after {timeout.TotalSeconds:0} s (stopped)";
            }
            catch (OutOfMemoryException)
            {
                outcome = "out of memory";
            }

            stopwatch.Stop();
            await sampler.StopAsync();
            report.Add($"{prefix}: peak working set", sampler.PeakWorkingSetMegabytes, "MB", Bar.Max(200));
            report.Add($"{prefix}: working set before", baseline, "MB");
            report.Add($"{prefix}: peak managed heap", sampler.PeakHeapMegabytes, "MB");
            report.Add($"{prefix}: time", stopwatch.Elapsed.TotalSeconds, "s");
        }

        report.Notes.Add($"{prefix}: {outcome}");
    }

    /// <summary>Streams a text-format article of about <paramref name="size"/> bytes into a blob, never holding it whole.</summary>
    private static async Task<ParseRequest> UploadLargeAsync(StorageClients storage, IReadOnlyList<string> corpus, long size, CancellationToken cancellationToken)
    {
        var name = $"large-{size / 1024}kb.txt";
        var blob = storage.Articles.GetBlobClient(name);
        await using (var stream = await blob.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
        {
            var written = 0L;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(" date 2024-03-01 "), cancellationToken);
            for (var i = 0; written < size; i++)
            {
                var body = Encoding.UTF8.GetBytes(Corpus.WithoutHeader(corpus[i % corpus.Count]) + "\n\n");
                await stream.WriteAsync(body, cancellationToken);
                written += body.Length;
            }
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return new ParseRequest(name, properties.Value.ETag.ToString());
    }

    /// <summary>Processes articles in chunks, measuring the heap after a full collection and the working set after each.</summary>
    private static async Task GrowthAsync(BenchmarkContext context, BenchmarkReport report, IReadOnlyList<string> corpus, int count, int chunk, CancellationToken cancellationToken)
    {
        await using var rig = await PipelineRig.CreateAsync(context);
        var requests = await rig.UploadAsync(corpus, count, parallelism: 8, context.Output, cancellationToken);
        var processed = new List<double>();
        var heap = new List<double>();
        var workingSet = new List<double>();
        using var progress = new Progress(context.Output, "process", count);
        foreach (var batch in requests.Chunk(chunk))
        {
            await rig.ProcessAsync(batch, parallelism: 8, progress, cancellationToken);
            processed.Add(processed.Count == 0 ? batch.Length : processed[^1] + batch.Length);
            heap.Add(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
            workingSet.Add(MemorySampler.WorkingSetMegabytes);
        }

        // The first chunk pays for warm-up (JIT, pools, connections); the slope is fitted from the second on.
        report.Add($"{count:N0} articles: managed heap after first chunk", heap[0], "MB");
        report.Add($"{count:N0} articles: managed heap after last chunk", heap[^1], "MB");
        report.Add($"{count:N0} articles: managed heap slope", Slope(processed, heap) * 1024 * 1000, "KB/1000 art.", Bar.Max(1024));
        report.Add($"{count:N0} articles: working set after last chunk", workingSet[^1], "MB");
        report.Add($"{count:N0} articles: working set slope", Slope(processed, workingSet) * 1024 * 1000, "KB/1000 art.");
        report.Notes.Add($"heap MB after each chunk of {chunk}: {string.Join(' ', heap.Select(h => h.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    /// <summary>Least-squares slope of y over x, skipping the first (warm-up) point when there are enough.</summary>
    private static double Slope(List<double> x, List<double> y)
    {
        var skip = x.Count > 2 ? 1 : 0;
        var xs = x.Skip(skip).ToList();
        var ys = y.Skip(skip).ToList();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var variance = xs.Sum(v => (v - meanX) * (v - meanX));
        return variance == 0 ? 0 : xs.Zip(ys, (a, b) => (a - meanX) * (b - meanY)).Sum() / variance;
    }
}
