using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Actors;

namespace Ingestion.Core.Storage;

/// <summary>
/// An article's per-day count rows (<c>count|{date}</c>), added to event by event: it holds one entry per day and
/// per distinct type, actor, location and country, not the events, so a long article's counts fit in memory. Actors
/// are counted by id, with their names beside; the same pass gathers the article's contributions to the Actors table.
/// </summary>
public sealed class DailyEventCounts(string articleKey)
{
    private readonly Dictionary<string, DayCounts> _days = new(StringComparer.Ordinal);

    /// <summary>The article's contributions to its actors, for <see cref="ActorRegistry"/>.</summary>
    public ActorContributions Actors { get; } = new();

    public void Add(EventRecord record)
    {
        if (!_days.TryGetValue(record.Date, out var day))
        {
            _days[record.Date] = day = new DayCounts(record.Date);
        }

        day.Add(DayCounts.Of(record));
        Actors.Add(record);
    }

    /// <summary>One row per day, its counts as JSON objects in the order the names were first met.</summary>
    public IEnumerable<TableEntity> Rows() => _days.Select(day => new TableEntity(EventIndexKeys.CountPartition(day.Key), articleKey)
    {
        [EventCounts.Total] = day.Value.Total,
        [EventCounts.Types] = JsonSerializer.Serialize(day.Value.Types),
        [EventCounts.Actors] = JsonSerializer.Serialize(day.Value.Actors),
        [EventCounts.ActorNames] = JsonSerializer.Serialize(day.Value.ActorNames),
        [EventCounts.Locations] = JsonSerializer.Serialize(day.Value.Locations),
        [EventCounts.Countries] = JsonSerializer.Serialize(day.Value.Countries),
    });

    /// <summary>Every article's count rows for the days of a range, in day order.</summary>
    public static async IAsyncEnumerable<DayCounts> ReadAsync(TableClient table, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(from))} and PartitionKey le {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(to))}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var day = new DayCounts(row.PartitionKey[(EventIndexKeys.Count.Length + 1)..]) { Total = row.GetInt32(EventCounts.Total) ?? 0 };
            Read(day.Types, row.GetString(EventCounts.Types));
            Read(day.Actors, row.GetString(EventCounts.Actors));
            Read(day.ActorNames, row.GetString(EventCounts.ActorNames));
            Read(day.Locations, row.GetString(EventCounts.Locations));
            Read(day.Countries, row.GetString(EventCounts.Countries));
            yield return day;
        }
    }

    private static void Read<T>(Dictionary<string, T> into, string? json)
    {
        if (!string.IsNullOrEmpty(json) && JsonSerializer.Deserialize<Dictionary<string, T>>(json) is { } read)
        {
            foreach (var (key, value) in read)
            {
                into[key] = value;
            }
        }
    }
}

/// <summary>One day's event counts, of one article (a count row) or of one event: total, by type, actor id, location and country.</summary>
public sealed class DayCounts(string day)
{
    public string Day { get; } = day;

    public int Total { get; set; }

    public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>By actor id; <see cref="ActorNames"/> gives each id's name.</summary>
    public Dictionary<string, int> Actors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> ActorNames { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Locations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);

    /// <summary>A single event counted the way count rows count it: once per distinct party, place and country.</summary>
    public static DayCounts Of(EventRecord record)
    {
        var counts = new DayCounts(record.Date) { Total = 1 };
        if (record.Type is { } type)
        {
            counts.Types[type.Code] = 1;
        }

        var parties = record.Actors.Concat(record.Targets).ToList();
        foreach (var actor in parties)
        {
            counts.Actors[actor.Id] = 1;
            counts.ActorNames.TryAdd(actor.Id, actor.Name);
        }

        foreach (var place in record.Locations)
        {
            counts.Locations[place.Name] = 1;
        }

        foreach (var code in parties.Select(a => a.CountryCode).Concat(record.Locations.Select(p => p.CountryCode)).OfType<string>())
        {
            counts.Countries[code] = 1;
        }

        return counts;
    }

    /// <summary>Adds another day's (or event's) counts to these.</summary>
    public void Add(DayCounts other)
    {
        Total += other.Total;
        Sum(Types, other.Types);
        Sum(Actors, other.Actors);
        Sum(Locations, other.Locations);
        Sum(Countries, other.Countries);
        foreach (var (id, name) in other.ActorNames)
        {
            ActorNames.TryAdd(id, name);
        }
    }

    private static void Sum(Dictionary<string, int> into, Dictionary<string, int> counts)
    {
        foreach (var (key, count) in counts)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }
}
