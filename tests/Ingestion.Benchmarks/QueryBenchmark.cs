using System.Diagnostics;
using Azure.Data.Tables;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Benchmarks;

/// <summary>
/// Query cost as the Events table grows, timed at each size of one table loaded in steps: Core's date-range query for
/// one day (100 events) against a full-table scan filtering a non-key column for the same rows, and Core's
/// actor-filtered query over the whole range (10 events, through the EventIndex table) against reading every event.
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
        var storage = rig.Core.Get<StorageClients>();
        var table = storage.EventsTable;
        var queries = rig.Core.Get<EventQueryService>();
        var day = SyntheticEvents.Day(sizes[0] / 2);
        var dayText = TableKeys.EventPartitionKey(day);

        var report = new BenchmarkReport(Name);
        var filtered = new List<(double ByDate, double ByActor)>();
        long loaded = 0;
        foreach (var size in sizes)
        {
            var load = Stopwatch.StartNew();
            await SyntheticEvents.LoadAsync(storage, loaded, size, parallelism, context.Output, cancellationToken);
            report.Add($"load {size - loaded:N0} events with actor index rows ({parallelism} days in flight)", (size - loaded) / load.Elapsed.TotalSeconds, "events/s");
            loaded = size;

            // Repeats keep the median honest on a busy machine; a scan of a million rows is too slow to repeat much.
            var repeats = size >= 500_000 ? 3 : 7;
            var byDate = await MedianMillisecondsAsync(
                repeats,
                SyntheticEvents.EventsPerDay,
                async token => (await queries.QueryAsync(new EventQuery(day, day, EventQuery.DefaultLimit), token)).Events.Count,
                cancellationToken);
            var dateScan = await MedianMillisecondsAsync(
                repeats,
                SyntheticEvents.EventsPerDay,
                token => table.QueryAsync<TableEntity>($"DateValue eq '{dayText}'", cancellationToken: token).CountAsync(token).AsTask(),
                cancellationToken);
            var byActor = await MedianMillisecondsAsync(
                repeats,
                SyntheticEvents.RareActorEvents,
                async token => (await queries.QueryAsync(new EventQuery(SyntheticEvents.FirstDay, SyntheticEvents.Day(size - 1), EventQuery.DefaultLimit) { ActorIds = [SyntheticEvents.RareActorId] }, token)).Events.Count,
                cancellationToken);
            // Without an index an actor filter reads every event: Actors is a JSON column that OData cannot search.
            var actorScan = await MedianMillisecondsAsync(
                repeats,
                SyntheticEvents.RareActorEvents,
                token => table.QueryAsync<TableEntity>(cancellationToken: token).CountAsync(row => SyntheticEvents.ActorOf(row) == SyntheticEvents.RareActor, token).AsTask(),
                cancellationToken);
            filtered.Add((byDate, byActor));
            var atScale = size >= 1_000_000;
            report.Add($"{size:N0} events: date-range query, 100 events", byDate, "ms");
            report.Add($"{size:N0} events: full scan for the same 100", dateScan, "ms");
            report.Add($"{size:N0} events: scan / date-range query", dateScan / byDate, "x", atScale ? Bar.Min(100) : null);
            report.Add($"{size:N0} events: actor-filtered query, 10 events", byActor, "ms");
            report.Add($"{size:N0} events: reading every event for the same 10", actorScan, "ms");
            report.Add($"{size:N0} events: scan / actor-filtered query", actorScan / byActor, "x", atScale ? Bar.Min(100) : null);
        }

        report.Add($"date-range query at {sizes[^1]:N0} / at {sizes[0]:N0} events", filtered[^1].ByDate / filtered[0].ByDate, "ratio", Bar.Max(2));
        report.Add($"actor-filtered query at {sizes[^1]:N0} / at {sizes[0]:N0} events", filtered[^1].ByActor / filtered[0].ByActor, "ratio", Bar.Max(2));
        report.Notes.Add("Medians of repeated runs after one warm-up.");
        return report;
    }

    /// <summary>Runs a query once to warm up, then times it; every run must return the expected number of events.</summary>
    private static async Task<double> MedianMillisecondsAsync(int repeats, int expected, Func<CancellationToken, Task<int>> query, CancellationToken cancellationToken)
    {
        var times = new List<double>(repeats);
        for (var i = 0; i <= repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var count = await query(cancellationToken);
            if (count != expected)
            {
                throw new InvalidOperationException($"The query returned {count} events, not {expected}.");
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
