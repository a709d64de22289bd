using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingestion.Core.Diagnostics;

/// <summary>The pipeline's metrics and traces, under one name the hosts' OpenTelemetry setup subscribes to.</summary>
public sealed class IngestionTelemetry : IDisposable
{
    public const string Name = "Ingestion";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public IngestionTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        ArticlesProcessed = _meter.CreateCounter<long>("ingestion.articles.processed", "{article}", "Articles parsed and written.");
        ArticlesFailed = _meter.CreateCounter<long>("ingestion.articles.failed", "{article}", "Articles recorded as failed.");
        EventsWritten = _meter.CreateCounter<long>("ingestion.events.written", "{event}", "Event rows written.");
        ExtractionDuration = _meter.CreateHistogram<double>("ingestion.extraction.duration", "ms", "Time to extract events from one article.");
        QueueAge = _meter.CreateHistogram<double>("ingestion.queue.age", "ms", "Time from a parse request being queued to its processing.");
    }

    public Counter<long> ArticlesProcessed { get; }

    public Counter<long> ArticlesFailed { get; }

    public Counter<long> EventsWritten { get; }

    public Histogram<double> ExtractionDuration { get; }

    public Histogram<double> QueueAge { get; }

    public void Dispose() => _meter.Dispose();
}
