namespace Ingestion.Benchmarks;

/// <summary>
/// <c>Ingestion.Benchmarks &lt;name|all&gt; [--smoke] [--option value ...]</c>: runs benchmarks and prints their figures.
/// The smoke mode runs each in seconds; a test runs it so the benchmarks keep building and working.
/// </summary>
public static class BenchmarkCommand
{
    public static IReadOnlyList<IBenchmark> All { get; } =
        [new ExtractionBenchmark(), new IngestBenchmark(), new QueryBenchmark(), new MemoryBenchmark(), new LatencyBenchmark()];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            await output.WriteLineAsync($"usage: Ingestion.Benchmarks <{string.Join('|', All.Select(b => b.Name))}|all> [--smoke] [--option value ...]");
            return args.Length == 0 ? 2 : 0;
        }

        var selected = args[0] == "all" ? All : All.Where(b => b.Name == args[0]).ToList();
        if (selected.Count == 0)
        {
            await output.WriteLineAsync($"Unknown benchmark '{args[0]}'.");
            return 2;
        }

        var reports = await RunAsync(selected, BenchmarkOptions.Parse(args[1..]), output, cancellationToken);
        return reports.Any(r => r.Figures.Count == 0) ? 1 : 0;
    }

    public static async Task<IReadOnlyList<BenchmarkReport>> RunAsync(
        IEnumerable<IBenchmark> benchmarks, BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var context = new BenchmarkContext(options, output);
        var reports = new List<BenchmarkReport>();
        foreach (var benchmark in benchmarks)
        {
            await output.WriteLineAsync($"== {benchmark.Name}{(options.Smoke ? " (smoke)" : string.Empty)}");
            var report = await benchmark.RunAsync(context, cancellationToken);
            await report.WriteAsync(output);
            reports.Add(report);
        }

        return reports;
    }
}

public interface IBenchmark
{
    string Name { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
