using System.Globalization;
using System.Text;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Storage;

/// <summary>
/// The EventIndex table's layout. Each event is copied under one partition per thing a dashboard filters by —
/// <c>article|…</c>, <c>actor|{actor id}</c>, <c>location|…</c> (a place's gazetteer id, or its name when unresolved), <c>country|…</c>, <c>type|…</c> — with the row key
/// <c>{date}|{event row key}</c>, so a filtered query reads one partition's date range, in date order, and never the
/// events it does not return. Per day, each article also has one <c>count|{date}</c> row holding its event counts
/// by type, actor, location and country, so summaries read counters instead of events.
/// </summary>
public static class EventIndexKeys
{
    public const string Article = "article";
    public const string Actor = "actor";
    public const string Location = "location";
    public const string Country = "country";
    public const string Type = "type";
    public const string Count = "count";

    /// <summary>The index partition for a filter value; values are normalized the way <see cref="Dimensions"/> stores them.</summary>
    public static string Partition(string dimension, string value) => $"{dimension}|{Escape(Normalize(dimension, value))}";

    public static string CountPartition(string date) => $"{Count}|{date}";

    /// <summary>The article's own listing: every event it has, under its key (not its name, so any name fits a key).</summary>
    public static string ArticlePartition(string articleKey) => $"{Article}|{articleKey}";

    /// <summary>The order of results everywhere: event date, then event row key.</summary>
    public static string SortKey(string eventPartitionKey, string eventRowKey) => $"{eventPartitionKey}|{eventRowKey}";

    /// <summary>Every index partition an event belongs to, the article's included.</summary>
    public static IEnumerable<string> Partitions(EventRecord record, string articleKey)
    {
        yield return ArticlePartition(articleKey);
        foreach (var (dimension, value) in Dimensions(record).Distinct())
        {
            yield return Partition(dimension, value);
        }
    }

    /// <summary>The filterable values of an event: actors and targets alike are "actor" (a party to the event), by actor id.</summary>
    public static IEnumerable<(string Dimension, string Value)> Dimensions(EventRecord record)
    {
        foreach (var actor in record.Actors.Concat(record.Targets))
        {
            yield return (Actor, actor.Id);
            if (actor.CountryCode is { Length: > 0 } code)
            {
                yield return (Country, Normalize(Country, code));
            }
        }

        foreach (var place in record.Locations)
        {
            yield return (Location, Normalize(Location, PlaceKey(place)));
            if (place.CountryCode is { Length: > 0 } code)
            {
                yield return (Country, Normalize(Country, code));
            }
        }

        if (record.Type is { } type)
        {
            yield return (Type, type.Code);
        }
    }

    /// <summary>What a place is indexed and counted by: its gazetteer id, so every name of a place meets; else its name.</summary>
    public static string PlaceKey(Place place) => place.Id ?? place.Name;

    public static string Normalize(string dimension, string value)
    {
        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return dimension == Country ? collapsed.ToUpperInvariant() : collapsed.ToLowerInvariant();
    }

    /// <summary>Key characters Table Storage forbids (/ \ # ? and control characters) and % itself, percent-encoded.</summary>
    private static string Escape(string value)
    {
        if (!value.AsSpan().ContainsAny("/\\#?%") && !value.Any(char.IsControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
