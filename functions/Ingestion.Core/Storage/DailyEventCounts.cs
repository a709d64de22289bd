using System.Text.Json;
using Azure.Data.Tables;

namespace Ingestion.Core.Storage;

/// <summary>
/// An article's per-day count rows (<c>count|{date}</c>), added to event by event: it holds one entry per day and
/// per distinct type, actor, location (by name, and by place key) and country, not the events, so a long article's counts fit in memory.
/// </summary>
public sealed class DailyEventCounts(string articleKey)
{
    private readonly Dictionary<string, Day> _days = new(StringComparer.Ordinal);

    public void Add(EventRecord record)
    {
        if (!_days.TryGetValue(record.Date, out var day))
        {
            _days[record.Date] = day = new Day();
        }

        day.Total++;
        if (record.Type is { } type)
        {
            Increment(day.Types, type.Code);
        }

        var parties = record.Actors.Concat(record.Targets).ToList();
        Increment(day.Actors, parties.Select(a => a.Name).Distinct());
        Increment(day.Locations, record.Locations.Select(p => p.Name).Distinct());
        Increment(day.Places, record.Locations.Select(EventIndexKeys.PlaceKey).Distinct());
        Increment(day.Countries, parties.Select(a => a.CountryCode).Concat(record.Locations.Select(p => p.CountryCode)).OfType<string>().Distinct());
    }

    /// <summary>One row per day, its counts as JSON objects in the order the names were first met.</summary>
    public IEnumerable<TableEntity> Rows() => _days.Select(day => new TableEntity(EventIndexKeys.CountPartition(day.Key), articleKey)
    {
        [EventCounts.Total] = day.Value.Total,
        [EventCounts.Types] = JsonSerializer.Serialize(day.Value.Types),
        [EventCounts.Actors] = JsonSerializer.Serialize(day.Value.Actors),
        [EventCounts.Locations] = JsonSerializer.Serialize(day.Value.Locations),
        [EventCounts.Places] = JsonSerializer.Serialize(day.Value.Places),
        [EventCounts.Countries] = JsonSerializer.Serialize(day.Value.Countries),
    });

    private static void Increment(Dictionary<string, int> counts, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            Increment(counts, key);
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class Day
    {
        public int Total { get; set; }

        public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Actors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Locations { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Places { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);
    }
}
