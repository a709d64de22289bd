using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Storage;

/// <summary>Maps events to Events table rows and back. Lists are JSON columns; everything a query filters on is a scalar column.</summary>
public static class EventEntityMapper
{
    /// <summary>Table string properties hold at most 32K UTF-16 characters; longer sentences are cut to keep the row writable.</summary>
    internal const int MaxSentenceLength = 8_000;

    private const string EventPartitionKey = "EventPartitionKey";
    private const string EventRowKey = "EventRowKey";

    public static TableEntity ToEntity(Article article, string articleKey, int index, ExtractedEvent extracted, string extractorVersion)
    {
        var sentence = extracted.Sentence.Length > MaxSentenceLength ? string.Concat(extracted.Sentence.AsSpan(0, MaxSentenceLength), "…") : extracted.Sentence;
        return new TableEntity(TableKeys.EventPartitionKey(extracted.Date.Start), TableKeys.EventRowKey(articleKey, index))
        {
            ["DateValue"] = extracted.Date.Value,
            ["Precision"] = extracted.Date.Precision.ToString(),
            ["DateSource"] = extracted.Date.Source.ToString(),
            ["DateText"] = extracted.Date.Text,
            ["TypeCode"] = extracted.Type?.Code,
            ["TypeLabel"] = extracted.Type?.Label,
            ["EventCode"] = extracted.EventCode,
            ["Coded"] = extracted.Coded,
            ["Trigger"] = extracted.Trigger,
            ["Modality"] = extracted.Modality.ToString(),
            ["Negated"] = extracted.Negated,
            ["Actors"] = Json(extracted.Actors),
            ["Targets"] = Json(extracted.Targets),
            ["Locations"] = Json(extracted.Places),
            ["Quantities"] = Json(extracted.Quantities),
            ["Sentence"] = sentence,
            ["Article"] = article.Name,
            ["ArticlePublished"] = article.PublishedOn.ToString(TableKeys.DateFormat, CultureInfo.InvariantCulture),
            ["ArticlePublishedSource"] = article.PublishedOnSource.ToString(),
            ["ExtractorVersion"] = extractorVersion,
        };
    }

    /// <summary>A copy of an event row under an EventIndex partition; it remembers the event's own keys.</summary>
    public static TableEntity ToIndexEntity(TableEntity eventEntity, string indexPartition)
    {
        var copy = new TableEntity(eventEntity) { PartitionKey = indexPartition, RowKey = EventIndexKeys.SortKey(eventEntity.PartitionKey, eventEntity.RowKey) };
        copy[EventPartitionKey] = eventEntity.PartitionKey;
        copy[EventRowKey] = eventEntity.RowKey;
        return copy;
    }

    /// <summary>The Events table keys of an event row or of an index copy of it.</summary>
    public static (string PartitionKey, string RowKey) EventKeys(TableEntity entity) =>
        entity.GetString(EventPartitionKey) is { } partition ? (partition, entity.GetString(EventRowKey)!) : (entity.PartitionKey, entity.RowKey);

    public static EventRecord FromEntity(TableEntity entity)
    {
        var typeCode = entity.GetString("TypeCode");
        var (partitionKey, rowKey) = EventKeys(entity);
        return new EventRecord(
            Id: $"{partitionKey}/{rowKey}",
            Date: partitionKey,
            DateValue: entity.GetString("DateValue") ?? partitionKey,
            Precision: Enum.Parse<DatePrecision>(entity.GetString("Precision") ?? nameof(DatePrecision.Day)),
            DateSource: Enum.Parse<DateSource>(entity.GetString("DateSource") ?? nameof(DateSource.PublicationDate)),
            DateText: entity.GetString("DateText"),
            Type: typeCode is null ? null : new CameoCategory(typeCode, entity.GetString("TypeLabel") ?? string.Empty),
            Trigger: entity.GetString("Trigger") ?? string.Empty,
            Modality: Enum.Parse<Modality>(entity.GetString("Modality") ?? nameof(Modality.Asserted)),
            Negated: entity.GetBoolean("Negated") ?? false,
            Actors: FromJson<Actor>(entity.GetString("Actors")),
            Targets: FromJson<Actor>(entity.GetString("Targets")),
            Locations: FromJson<Place>(entity.GetString("Locations")),
            Quantities: FromJson<Quantity>(entity.GetString("Quantities")),
            Sentence: entity.GetString("Sentence") ?? string.Empty,
            Article: new ArticleReference(
                entity.GetString("Article") ?? string.Empty,
                entity.GetString("ArticlePublished") ?? string.Empty,
                Enum.Parse<PublicationDateSource>(entity.GetString("ArticlePublishedSource") ?? nameof(PublicationDateSource.Header))),
            ExtractorVersion: entity.GetString("ExtractorVersion") ?? string.Empty,
            EventCode: entity.GetString("EventCode") ?? typeCode,
            Coded: entity.GetBoolean("Coded") ?? false,
            MergedKey: entity.GetString(Merging.MergedEventKeys.MergedKeyColumn));
    }

    private static string Json<T>(IReadOnlyList<T> items) => JsonSerializer.Serialize(items, IngestionJson.Options);

    private static List<T> FromJson<T>(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, IngestionJson.Options) ?? [];
}
