using System.Diagnostics;
using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Benchmarks;

/// <summary>
/// End-to-end ingest into Azurite (blob read, extraction, table writes through Core's ArticleProcessor) against
/// writing the very same event rows directly, in one run: as full 100-entity single-partition transactions, as
/// the per-article transactions the pipeline can form, and as one upsert per event.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var articleCount = options.Count("articles", 10_000, 30);
        var parallelism = options.Count("parallelism", 16, 8);
        var singleSample = options.Count("single-upserts", 20_000, 200);
        var output = context.Output;

        await using var rig = await PipelineRig.CreateAsync(context);
        var requests = await rig.UploadAsync(Corpus.Load().DatedTexts(), articleCount, parallelism, output, cancellationToken);

        var pipeline = Stopwatch.StartNew();
        using (var progress = new Progress(output, "pipeline", articleCount))
        {
            await rig.ProcessAsync(requests, parallelism, progress, cancellationToken);
        }

        pipeline.Stop();

        // The same rows the pipeline wrote, read back, then written again by each direct method into an empty table.
        var storage = rig.Core.Get<StorageClients>();
        var rows = await storage.EventsTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var fullBatches = TableTransactions.Plan(rows.Select(Upsert)).ToList();
        var articleBatches = rows.GroupBy(row => row.RowKey[..row.RowKey.LastIndexOf('-')], StringComparer.Ordinal)
            .SelectMany(article => TableTransactions.Plan(article.Select(Upsert)))
            .ToList();
        var full = await TimeAsync("direct, 100-entity transactions", fullBatches, t => t.Count, (table, t, token) => table.SubmitTransactionAsync(t, token));
        var perArticle = await TimeAsync("direct, per-article transactions", articleBatches, t => t.Count, (table, t, token) => table.SubmitTransactionAsync(t, token));
        var single = await TimeAsync("direct, one upsert per event", rows.Take(singleSample).ToList(), _ => 1, (table, row, token) => table.UpsertEntityAsync(row, TableUpdateMode.Replace, token));

        // Everything the pipeline writes, events and their index copies and counters, written directly: what the
        // pipeline costs beyond the rows the query API needs.
        var indexRows = await storage.EventIndexTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var allBatches = TableTransactions.Plan(rows.Concat(indexRows).Select(Upsert)).ToList();
        var allRows = await TimeAsync("direct, every row the pipeline writes", allBatches, t => t.Count, (table, t, token) => table.SubmitTransactionAsync(t, token));

        var pipelineRate = rows.Count / pipeline.Elapsed.TotalSeconds;
        var report = new BenchmarkReport(Name);
        report.Add("articles", articleCount, "articles");
        report.Add("events written", rows.Count, "events");
        report.Add("pipeline throughput", articleCount / pipeline.Elapsed.TotalSeconds, "articles/s");
        report.Add("pipeline throughput", pipelineRate, "events/s");
        report.Add("direct 100-entity transactions", full, "events/s");
        report.Add("direct per-article transactions", perArticle, "events/s");
        report.Add("direct one upsert per event", single, "events/s");
        report.Add("direct, every row the pipeline writes", allRows, "rows/s");
        report.Add("pipeline / direct 100-entity transactions", pipelineRate / full, "ratio", Bar.Min(0.8));
        report.Add("pipeline / direct per-article transactions", pipelineRate / perArticle, "ratio");
        report.Add("100-entity transactions / one upsert per event", full / single, "ratio");
        report.Add("index and counter rows per event", indexRows.Count / (double)rows.Count, "rows");
        report.Add("pipeline / direct writing of every row it writes", (rows.Count + indexRows.Count) / pipeline.Elapsed.TotalSeconds / allRows, "ratio");
        report.Add("mean events per transaction, 100-entity plan", rows.Count / (double)fullBatches.Count, "events");
        report.Add("mean events per transaction, per-article plan", rows.Count / (double)articleBatches.Count, "events");
        report.Notes.Add($"{parallelism} in flight for every method; the one-upsert figure is timed over the first {Math.Min(singleSample, rows.Count):N0} events.");
        return report;

        async Task<double> TimeAsync<T>(string label, IReadOnlyList<T> items, Func<T, int> events, Func<TableClient, T, CancellationToken, Task> write)
        {
            var table = storage.TableService.GetTableClient($"Direct{Guid.NewGuid():N}"[..24]);
            await table.CreateAsync(cancellationToken);
            var total = items.Sum(events);
            using var progress = new Progress(output, label, total);
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(items, PipelineRig.Options(parallelism, cancellationToken), async (item, token) =>
            {
                await write(table, item, token);
                progress.Add(events(item));
            });
            return total / stopwatch.Elapsed.TotalSeconds;
        }
    }

    private static TableTransactionAction Upsert(TableEntity row) => new(TableTransactionActionType.UpsertReplace, row);
}
