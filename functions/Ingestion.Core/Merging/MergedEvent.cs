using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// One real-world event as the API serves it (<c>distinct=true</c>, <c>GET /api/events/{key}</c>): its merged fields,
/// a representative sentence, and how often and where it was reported.
/// </summary>
/// <param name="Key">The merged event's key, <c>{day}_{hash}</c>: what each mention's <c>mergedKey</c> names.</param>
/// <param name="FirstReported">The earliest publication date among its articles, yyyy-MM-dd.</param>
/// <param name="Articles">The articles that report it, earliest first (at most 100 names; <paramref name="ArticleCount"/> is exact).</param>
public sealed record MergedEvent(
    string Key,
    string Date,
    string DateValue,
    DatePrecision Precision,
    CameoCategory? Type,
    string? EventCode,
    string Trigger,
    Modality Modality,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Actor> Targets,
    IReadOnlyList<Place> Locations,
    string Sentence,
    int MentionCount,
    int ArticleCount,
    IReadOnlyList<string> Articles,
    string FirstReported)
{
    /// <summary>The merged fields as an event, for the filters and counts that events have.</summary>
    [JsonIgnore]
    public EventRecord Event { get; private init; } = null!;

    public static MergedEvent FromEntity(TableEntity row)
    {
        var record = EventEntityMapper.FromEntity(row);
        return new MergedEvent(
            MergedEventKeys.Compose(row.PartitionKey, row.RowKey),
            record.Date,
            record.DateValue,
            record.Precision,
            record.Type,
            record.EventCode,
            record.Trigger,
            record.Modality,
            record.Actors,
            record.Targets,
            record.Locations,
            record.Sentence,
            row.GetInt32(MergedEventStore.MentionCountColumn) ?? 0,
            row.GetInt32(MergedEventStore.ArticleCountColumn) ?? 0,
            JsonSerializer.Deserialize<List<string>>(row.GetString(MergedEventStore.ArticlesColumn) ?? "[]") ?? [],
            row.GetString(MergedEventStore.FirstReportedColumn) ?? record.Article.Published)
        {
            Event = record,
        };
    }
}

/// <param name="Mentions">Its mentions as <c>/api/events</c> returns them, in key order.</param>
public sealed record MergedEventDetail(MergedEvent Event, IReadOnlyList<EventRecord> Mentions);

/// <param name="EntitiesRead">How many table entities the query read.</param>
public sealed record MergedEventPage(IReadOnlyList<MergedEvent> Events, string? ContinuationToken, int EntitiesRead = 0, IReadOnlyList<Actors.ActorReference>? ResolvedActors = null);
