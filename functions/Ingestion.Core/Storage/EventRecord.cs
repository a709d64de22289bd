using Ingestion.Core.Extraction;

namespace Ingestion.Core.Storage;

/// <summary>An event as stored in the Events table and served by the API.</summary>
/// <param name="Id">Stable identifier: the row's partition and row key.</param>
/// <param name="Date">The first day of the event's date period (the partition), yyyy-MM-dd.</param>
/// <param name="DateValue">The TimeML value: 2022-02-07, 2022-W05, 2017, ... (PAST_REF for an event only known to be before the publication).</param>
/// <param name="EventCode">The CAMEO event code as deep as the extractor knows it (042; the root 04), or null when untyped.</param>
/// <param name="Coded">Whether the event is CAMEO-coded: a type and at least one actor.</param>
/// <param name="MergedKey">The merged event this mention belongs to (Merging/), or null for an uncoded mention, which is not merged.</param>
public sealed record EventRecord(
    string Id,
    string Date,
    string DateValue,
    DatePrecision Precision,
    DateSource DateSource,
    string? DateText,
    CameoCategory? Type,
    string Trigger,
    Modality Modality,
    bool Negated,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Actor> Targets,
    IReadOnlyList<Place> Locations,
    IReadOnlyList<Quantity> Quantities,
    string Sentence,
    ArticleReference Article,
    string ExtractorVersion,
    string? EventCode = null,
    bool Coded = false,
    string? MergedKey = null);

/// <summary>The article an event came from, and where its reference date came from.</summary>
public sealed record ArticleReference(string Name, string Published, Articles.PublicationDateSource PublishedSource);
