using System.Text.Json;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Storage;

/// <summary>
/// An article's per-day count rows (<c>count|{date}</c>), added to event by event: it holds one entry per day and
/// per distinct type, actor, location (by name, and by place key) and country, not the events, so a long article's
/// counts fit in memory. Each row counts all events and, in the <c>Coded…</c> columns, the coded ones, so a summary
/// reads the columns of its selection only; <c>BeforePublication</c> tells the events only known to be before the
/// publication from those dated that day. Actors are counted by id, with their names beside (<c>ActorNames</c>); the
/// same pass gathers the article's contributions to the Actors table.
/// </summary>
public sealed class DailyEventCounts(string articleKey)
{
    private readonly Dictionary<string, (Counts All, Counts Coded)> _days = new(StringComparer.Ordinal);

    /// <summary>The article's contributions to its actors, for <see cref="ActorRegistry"/>.</summary>
    public ActorContributions Actors { get; } = new();

    /// <summary>The article's mentions grouped into merged events, for <see cref="Merging.MergedEventStore"/>.</summary>
    public Merging.ArticleMerges Merges { get; } = new(articleKey);

    public void Add(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_days.TryGetValue(record.Date, out var day))
        {
            _days[record.Date] = day = (new Counts(), new Counts());
        }

        day.All.Add(record);
        if (record.Coded)
        {
            day.Coded.Add(record);
        }

        Actors.Add(record);
    }

    /// <summary>One row per day, its counts as JSON objects in the order the names were first met.</summary>
    public IEnumerable<TableEntity> Rows() => _days.Select(day =>
    {
        var row = new TableEntity(EventIndexKeys.CountPartition(day.Key), articleKey);
        day.Value.All.WriteTo(row, coded: false);
        day.Value.Coded.WriteTo(row, coded: true);
        day.Value.All.WriteNamesTo(row);
        return row;
    });

    /// <summary>Every article's count rows for the days of a range, with only the given columns.</summary>
    public static async IAsyncEnumerable<TableEntity> ReadRowsAsync(
        TableClient table, DateOnly from, DateOnly to, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(from))} and PartitionKey le {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(to))}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [.. columns, "PartitionKey"], cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>A count column's JSON object, as read from a row.</summary>
    public static Dictionary<string, T> Map<T>(string? json) =>
        string.IsNullOrEmpty(json) ? new(StringComparer.Ordinal) : JsonSerializer.Deserialize<Dictionary<string, T>>(json) ?? new(StringComparer.Ordinal);

    private sealed class Counts
    {
        private int _total;
        private int _beforePublication;
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _actors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _actorNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _locations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);

        public void Add(EventRecord record)
        {
            _total++;
            _beforePublication += record.DateSource == DateSource.BeforePublication ? 1 : 0;
            if (record.Type is { } type)
            {
                Increment(_types, type.Code);
            }

            var parties = record.Actors.Concat(record.Targets).ToList();
            Increment(_actors, parties.Select(a => a.Id).Distinct());
            foreach (var actor in parties)
            {
                _actorNames.TryAdd(actor.Id, actor.Name);
            }

            Increment(_locations, record.Locations.Select(p => p.Name).Distinct());
            Increment(_places, record.Locations.Select(EventIndexKeys.PlaceKey).Distinct());
            Increment(_countries, parties.Select(a => a.CountryCode).Concat(record.Locations.Select(p => p.CountryCode)).OfType<string>().Distinct());
        }

        public void WriteTo(TableEntity row, bool coded)
        {
            row[EventCounts.Column(EventCounts.Total, coded)] = _total;
            row[EventCounts.Column(EventCounts.BeforePublication, coded)] = _beforePublication;
            row[EventCounts.Column(EventCounts.Types, coded)] = JsonSerializer.Serialize(_types);
            row[EventCounts.Column(EventCounts.Actors, coded)] = JsonSerializer.Serialize(_actors);
            row[EventCounts.Column(EventCounts.Locations, coded)] = JsonSerializer.Serialize(_locations);
            row[EventCounts.Column(EventCounts.Places, coded)] = JsonSerializer.Serialize(_places);
            row[EventCounts.Column(EventCounts.Countries, coded)] = JsonSerializer.Serialize(_countries);
        }

        /// <summary>Names are the same for both selections, so one column serves them.</summary>
        public void WriteNamesTo(TableEntity row) => row[EventCounts.ActorNames] = JsonSerializer.Serialize(_actorNames);

        private static void Increment(Dictionary<string, int> counts, IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                Increment(counts, key);
            }
        }

        private static void Increment(Dictionary<string, int> counts, string key) =>
            counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
