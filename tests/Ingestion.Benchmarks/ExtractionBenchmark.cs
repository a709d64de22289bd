using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ingestion.Core.Articles;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Ingestion.Core.Extraction;

namespace Ingestion.Benchmarks;

/// <summary>Extraction throughput (MB/s of article files) and allocations per article on one core, with BenchmarkDotNet.</summary>
public sealed class ExtractionBenchmark : IBenchmark
{
    public string Name => "extraction";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var corpus = Corpus.Load();
        ExtractCorpus.Articles = await corpus.ReadAsync(cancellationToken);

        // In-process: the smoke test runs inside a test host, and the corpus is handed over through a static.
        // More iterations (--iterations) give a profiler attached by PID time to sample.
        var iterations = context.Options.Count("iterations", 15, 1);
        var job = (context.Options.Smoke ? Job.Dry : Job.Default.WithWarmupCount(3).WithIterationCount(iterations).WithAffinity(1))
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(context.Options.Smoke ? NullLogger.Instance : ConsoleLogger.Default)
            // Debug builds (the smoke test) are allowed; reported figures come from -c Release.
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<ExtractCorpus>(config);
        var run = summary.Reports.Single();
        if (run.ResultStatistics is not { } statistics)
        {
            throw new InvalidOperationException("BenchmarkDotNet produced no measurements: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        }

        var seconds = statistics.Mean / 1e9;
        var articles = ExtractCorpus.Articles.Count;
        var megabytes = corpus.Bytes / 1048576.0;
        var report = new BenchmarkReport(Name);
        report.Add("corpus (eval articles + samples)", megabytes, "MB");
        report.Add("articles extracted per pass", articles, "articles");
        report.Add("extraction throughput, one core", megabytes / seconds, "MB/s", Bar.Min(5));
        report.Add("mean time per article", statistics.Mean / 1e6 / articles, "ms");
        report.Add("allocated per article", (run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0) / 1024.0 / articles, "KB");
        report.Add("allocated per input byte", (run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0) / (double)corpus.Bytes, "B/B");
        AddLongLine(report, context.Options.Smoke);
        report.Notes.Add($"{(context.Options.Smoke ? "Job.Dry: one unwarmed pass, not a measurement" : $"{iterations} iterations after 3 warm-ups, pinned to core 0")}; MB are file bytes, read once before timing.");
        return report;
    }

    /// <summary>
    /// Text with no sentence boundary: 50 times the text should take about 50 times as long, because long text is cut
    /// into bounded sentences; a quadratic step would take about 2,500 times as long.
    /// </summary>
    private static void AddLongLine(BenchmarkReport report, bool smoke)
    {
        var (small, large) = smoke ? (20_000, 1_000_000) : (200_000, 10_000_000);
        var smallTime = TimeExtraction(LongLine(small));
        var largeTime = TimeExtraction(LongLine(large));
        report.Add($"long line: {small / 1000:N0} KB extracted in", smallTime.TotalMilliseconds, "ms");
        report.Add($"long line: {large / 1000:N0} KB extracted in", largeTime.TotalMilliseconds, "ms");
        report.Add("long line: time per byte, large / small", largeTime / smallTime * small / large, "ratio", Bar.Max(4));
    }

    private static TimeSpan TimeExtraction(string text)
    {
        var started = Stopwatch.GetTimestamp();
        RuleBasedEventExtractor.Shared.Extract(text, new DateOnly(2022, 2, 6));
        return Stopwatch.GetElapsedTime(started);
    }

    private static string LongLine(int length)
    {
        const string Clause = "Officials met in Geneva on Tuesday and troops attacked the town while President Biden called Macron, ";
        return string.Concat(Enumerable.Repeat(Clause, (length / Clause.Length) + 1))[..length];
    }

    /// <summary>One operation: every readable corpus article through the shared extractor.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls instance methods.")]
    public class ExtractCorpus
    {
        internal static IReadOnlyList<Article> Articles { get; set; } = [];

        [Benchmark]
        public int ExtractAll()
        {
            var events = 0;
            foreach (var article in Articles)
            {
                events += RuleBasedEventExtractor.Shared.Extract(article.Body, article.PublishedOn).Events.Count;
            }

            return events;
        }
    }
}
