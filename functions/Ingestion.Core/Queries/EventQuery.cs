using System.Globalization;
using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Queries;

/// <summary>Which events a query returns: the CAMEO-coded ones (a type and an actor, the default), the others, or all.</summary>
public enum EventSelection
{
    Coded,
    Uncoded,
    All,
}

/// <summary>A query over events: a date range (inclusive) and optional filters, all of which must match.</summary>
public sealed record EventQuery(DateOnly From, DateOnly To, int Limit = EventQuery.DefaultLimit, string? ContinuationToken = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>CAMEO root codes ("04"); an event matches if it has any of them.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>A party to the event (actor or target): an actor id, canonical name or alias, resolved by <see cref="Actors.ActorDirectory"/>.</summary>
    public string? Actor { get; init; }

    /// <summary>The actor ids <see cref="Actor"/> resolved to (an event matches if any is a party); empty when it names no actor.</summary>
    public IReadOnlyList<string>? ActorIds { get; init; }


    /// <summary>A place id, name or alias; an alias naming several places matches them all (see <see cref="PlaceNames"/>).</summary>
    public string? Location { get; init; }

    /// <summary>The index keys <see cref="Location"/> stands for, resolved once per query.</summary>
    internal IReadOnlyList<string> LocationKeys => Location is null ? [] : PlaceNames.Keys(Location, GeoGazetteer.Shared);

    /// <summary>ISO 3166-1 alpha-2 code of an actor's or a place's country.</summary>
    public string? Country { get; init; }

    /// <summary>The blob name of the article.</summary>
    public string? Article { get; init; }

    public DatePrecision? Precision { get; init; }

    /// <summary>Coded events by default (what a dashboard shows); not a filter that needs the events themselves for counts.</summary>
    public EventSelection Selection { get; init; } = EventSelection.Coded;

    /// <summary>One row per merged event (the real-world happening) instead of one per mention; merged events are coded.</summary>
    public bool Distinct { get; init; }

    public bool HasFilters => Types.Count > 0 || Actor is not null || ActorIds is not null || Location is not null || Country is not null || Article is not null || Precision is not null;

    /// <summary>What a continuation token is bound to: every parameter but the token and the page size.</summary>
    internal string Fingerprint => string.Create(
        CultureInfo.InvariantCulture,
        $"events|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{string.Join(',', Types.Order(StringComparer.Ordinal))}|{Actor}|{string.Join(',', ActorIds ?? [])}|{Location}|{Country}|{Article}|{Precision}|{Selection}|{Distinct}");

    internal bool Selected(EventRecord record) => Selection switch
    {
        EventSelection.Coded => record.Coded,
        EventSelection.Uncoded => !record.Coded,
        _ => true,
    };

    /// <summary>Whether an event passes every filter; used on whatever the storage scan could not filter itself.</summary>
    internal bool Matches(EventRecord record, IReadOnlyList<string> locationKeys)
    {
        var dimensions = EventIndexKeys.Dimensions(record).ToHashSet();
        return (Types.Count == 0 || (record.Type is { } type && Types.Contains(type.Code)))
            && (ActorIds is null || ActorIds.Any(id => dimensions.Contains((EventIndexKeys.Actor, id))))
            && (Location is null || locationKeys.Any(key => dimensions.Contains((EventIndexKeys.Location, EventIndexKeys.Normalize(EventIndexKeys.Location, key)))))
            && (Country is null || dimensions.Contains((EventIndexKeys.Country, EventIndexKeys.Normalize(EventIndexKeys.Country, Country))))
            && (Article is null || record.Article.Name == Article)
            && (Precision is null || record.Precision == Precision)
            && Selected(record);
    }
}

/// <param name="EntitiesRead">How many table entities the query read: its cost, which grows with what it returns.</param>
/// <param name="ResolvedActors">What the query's <c>actor</c> named; null without one.</param>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, string? ContinuationToken, int EntitiesRead = 0, IReadOnlyList<ActorReference>? ResolvedActors = null);
