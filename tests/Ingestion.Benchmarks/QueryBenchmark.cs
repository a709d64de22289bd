using System.Diagnostics;
using Azure.Data.Tables;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Benchmarks;

/// <summary>
/// Query cost as the Events table grows: Core's date-range query for one day (100 events) against a full-table
/// scan that filters a non-key column for the same rows, timed at each size of one table loaded in steps.
/// </summary>
public sealed class QueryBenchmark : IBenchmark
{
    public string Name => "query";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Options.Counts("sizes", [10_000, 100_000, 1_000_000], [1_000, 3_000]);
        var parallelism = context.Options.Count("parallelism", 16, 8);
        if (sizes.Any(size => size % SyntheticEvents.EventsPerDay != 0) || !sizes.SequenceEqual(sizes.Order()))
        {
            throw new ArgumentException($"--sizes must be ascending multiples of {SyntheticEvents.EventsPerDay}.");
        }

        await using var rig = await PipelineRig.CreateAsync(context);
        var table = rig.Core.Get<StorageClients>().EventsTable;
        var queries = rig.Core.Get<EventQueryService>();
        var day = SyntheticEvents.Day(sizes[0] / 2);
        var dayText = TableKeys.EventPartitionKey(day);

        var report = new BenchmarkReport(Name);
        var filtered = new List<double>();
        long loaded = 0;
        foreach (var size in sizes)
        {
            var load = Stopwatch.StartNew();
            await SyntheticEvents.LoadAsync(table, loaded, size, parallelism, context.Output, cancellationToken);
            report.Add($"load {size - loaded:N0} events ({parallelism} transactions in flight)", (size - loaded) / load.Elapsed.TotalSeconds, "events/s");
            loaded = size;

            // Repeats keep the median honest on a busy machine; a scan of a million rows is too slow to repeat much.
            var repeats = size >= 500_000 ? 3 : 7;
            var byDate = await MedianMillisecondsAsync(
                repeats,
                async token => (await queries.QueryAsync(new EventQuery(day, day, EventQuery.DefaultLimit), token)).Events.Count,
                cancellationToken);
            var scan = await MedianMillisecondsAsync(
                repeats,
                token => table.QueryAsync<TableEntity>($"DateValue eq '{dayText}'", cancellationToken: token).CountAsync(token).AsTask(),
                cancellationToken);
            filtered.Add(byDate);
            report.Add($"{size:N0} events: date-range query, 100 events", byDate, "ms");
            report.Add($"{size:N0} events: full scan for the same 100", scan, "ms");
            report.Add($"{size:N0} events: scan / date-range query", scan / byDate, "x", size >= 1_000_000 ? Bar.Min(100) : null);
        }

        report.Add($"date-range query at {sizes[^1]:N0} / at {sizes[0]:N0} events", filtered[^1] / filtered[0], "ratio", Bar.Max(2));
        report.Notes.Add("Medians of repeated runs after one warm-up. The actor-filtered query waits for main's index table.");
        return report;
    }

    /// <summary>Runs a query once to warm up, then times it; every run must return the expected 100 events.</summary>
    private static async Task<double> MedianMillisecondsAsync(int repeats, Func<CancellationToken, Task<int>> query, CancellationToken cancellationToken)
    {
        var times = new List<double>(repeats);
        for (var i = 0; i <= repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var count = await query(cancellationToken);
            if (count != SyntheticEvents.EventsPerDay)
            {
                throw new InvalidOperationException($"The query returned {count} events, not {SyntheticEvents.EventsPerDay}.");
            }

            if (i > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
