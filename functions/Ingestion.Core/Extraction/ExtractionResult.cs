using System.Text.Json.Serialization;
using Ingestion.Core.Geo;

namespace Ingestion.Core.Extraction;

/// <summary>Everything the extractor found in one text. Offsets are UTF-16 indexes into that text, end-exclusive.</summary>
public sealed record ExtractionResult(
    IReadOnlyList<TemporalExpression> Timexes,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<ExtractedEvent> Events)
{
    public static ExtractionResult Empty { get; } = new([], [], []);
}

/// <summary>TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>A temporal expression with its TimeML value (2022-02-07, 2022-W05, 2022, PAST_REF, P3D, ...).</summary>
public sealed record TemporalExpression(int Start, int End, string Text, TimexType Type, string Value);

/// <summary>Entity types scored against the gold data.</summary>
public enum EntityType
{
    Person,
    Organization,
    Location,
}

/// <summary>A named mention. <see cref="CountryCode"/> is ISO 3166-1 alpha-2 where a gazetteer knows it.</summary>
public sealed record EntityMention(int Start, int End, string Text, EntityType Type, string CanonicalName, string? CountryCode = null);

/// <summary>How precisely an event's date is known. The stored partition is the first day of the period.</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// <summary>Where an event's date came from.</summary>
public enum DateSource
{
    /// <summary>A date written out in the text ("August 30, 2021", "1917").</summary>
    Explicit,

    /// <summary>A date resolved from a relative expression ("on Monday", "earlier in the week").</summary>
    Relative,

    /// <summary>No governing expression: the article's publication date.</summary>
    PublicationDate,

    /// <summary>
    /// No governing expression, but the text places the event before the publication ("has amassed", "had agreed"):
    /// only that is known. The value is PAST_REF; the period is the publication day, under which the event is filed.
    /// </summary>
    BeforePublication,
}

/// <summary>An event's date: the TimeML value, the calendar period it covers and the text it came from.</summary>
public sealed record EventDate(string Value, DatePrecision Precision, DateOnly Start, DateOnly End, DateSource Source, string? Text = null);

public enum ActorKind
{
    Person,
    Organization,
    Country,

    /// <summary>Something an event is done to that is not a party: "the aircraft", "a contract".</summary>
    Thing,
}

/// <summary>
/// Who did something or had it done to them. <see cref="Title"/> holds a title such as "Defense Minister";
/// <see cref="Role"/> a CAMEO-style role code (GOV, MIL, COP, BUS, ...) where the mention says one ("Polish soldiers").
/// <see cref="MentionStart"/> and <see cref="MentionEnd"/> are the text offsets the actor was taken from: the pronoun
/// for "he confirmed", the description for "the company", which may differ from where <see cref="Name"/> is written.
/// The mention offsets are into the text the extractor was given (a segment of a long article), so they are not stored.
/// </summary>
public sealed record Actor(
    string Name,
    ActorKind Kind,
    string? CountryCode = null,
    string? Title = null,
    string? Role = null,
    [property: JsonIgnore] int? MentionStart = null,
    [property: JsonIgnore] int? MentionEnd = null)
{
    /// <summary>The actor's identity, the same in every article: see <see cref="Actors.ActorIdentity"/>.</summary>
    public string Id => Actors.ActorIdentity.Id(this);
}

/// <summary>
/// A place an event happened at, as named, and where the geocoder put it (Geo/): <see cref="Id"/> is the GeoNames id,
/// country code or region code it resolved to, <see cref="Precision"/> how exactly the coordinates locate it. A place it
/// could not resolve keeps its name and says why in <see cref="Unresolved"/>. The geocoded fields are always written,
/// null or not, so a reader sees the whole shape.
/// </summary>
public sealed record Place(string Name, string? CountryCode = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? GeonameId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Latitude { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Longitude { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public FeatureKind? FeatureKind { get; init; }

    /// <summary>The name of the first-level region (state, province) a town lies in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Admin1 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GeoPrecision? Precision { get; init; }

    /// <summary>Why the place has no gazetteer entry of its own, or null when it has one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Unresolved { get; init; }
}

/// <summary>A counted thing: "1,700 soldiers" is 1700 of "soldiers".</summary>
public sealed record Quantity(decimal Value, string Unit, string Text);

/// <summary>A CAMEO root category, such as 04 Consult.</summary>
public sealed record CameoCategory(string Code, string Label);

/// <summary>Whether an event is reported as having happened.</summary>
public enum Modality
{
    Asserted,
    Planned,
    Possible,
    Denied,
}

/// <summary>
/// One event mention with its type, participants, place and date. <see cref="EventCode"/> is the CAMEO code as deep
/// as the lexicon knows it ("042" make a visit; the root "04" when it knows no more; null when untyped).
/// </summary>
public sealed record ExtractedEvent(
    int Start,
    int End,
    string Trigger,
    CameoCategory? Type,
    EventDate Date,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Actor> Targets,
    IReadOnlyList<Place> Places,
    IReadOnlyList<Quantity> Quantities,
    string Sentence,
    Modality Modality = Modality.Asserted,
    bool Negated = false,
    string? EventCode = null)
{
    /// <summary>A CAMEO-coded event as a dashboard shows it: a type and at least one actor.</summary>
    public bool Coded => Type is not null && Actors.Count > 0;
}
