using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Queries;

public enum SummaryGrouping
{
    Day,
    Week,
    Month,
    Type,
    Actor,
    Location,
    Country,
}

/// <param name="Key">The day (2022-02-05), ISO week (2022-W05), month (2022-02), CAMEO code, name or country code.</param>
/// <param name="ByType">For time buckets: the count per CAMEO code, for stacked charts.</param>
public sealed record SummaryBucket(string Key, string? Label, int Count, IReadOnlyDictionary<string, int>? ByType = null);

public sealed record EventSummary(SummaryGrouping GroupBy, string From, string To, IReadOnlyList<SummaryBucket> Buckets, int EntitiesRead);

/// <summary>
/// Counts for charts. Without filters it reads the per-day count rows (one per article and day), never the events;
/// with filters it reads the filtered events, whose cost already follows what they return.
/// </summary>
public sealed class EventSummaryService(StorageClients storage, EventQueryService events)
{
    /// <param name="top">How many buckets to keep for type, actor, location and country groupings (largest first).</param>
    public async Task<EventSummary> SummarizeAsync(EventQuery query, SummaryGrouping groupBy, int top, CancellationToken cancellationToken)
    {
        var (days, read) = query.HasFilters
            ? await CountEventsAsync(query, cancellationToken)
            : await ReadCountRowsAsync(query, cancellationToken);
        return new EventSummary(
            groupBy,
            TableKeys.EventPartitionKey(query.From),
            TableKeys.EventPartitionKey(query.To),
            Group(days, groupBy, top),
            read);
    }

    /// <summary>
    /// The last day on or before <paramref name="until"/> that has events, or null. Tables list partitions in
    /// ascending order only, so it asks whether any per-day count row lies in ever longer spans back from
    /// <paramref name="until"/> (one row at most each), then halves the span that has one: about 2·log2(days back) reads.
    /// </summary>
    public async Task<DateOnly?> LatestDayAsync(DateOnly until, CancellationToken cancellationToken)
    {
        var from = until;
        for (var span = 31; !await AnyCountRowAsync(from, until, cancellationToken); span *= 2)
        {
            if (from == DateOnly.MinValue)
            {
                return null;
            }

            from = until.DayNumber - DateOnly.MinValue.DayNumber > span ? until.AddDays(-span) : DateOnly.MinValue;
        }

        // Some day in from..until has events, none after until: find the last one.
        var (low, high) = (from, until);
        while (low < high)
        {
            var middle = low.AddDays((high.DayNumber - low.DayNumber + 1) / 2);
            (low, high) = await AnyCountRowAsync(middle, until, cancellationToken) ? (middle, high) : (low, middle.AddDays(-1));
        }

        return low;
    }

    private async Task<bool> AnyCountRowAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(from))} and PartitionKey le {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(to))}");
        // A page may come back empty with a continuation (Azure does so across partition ranges): read on until a row or the end.
        await foreach (var _ in storage.EventIndexTable.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    private async Task<(List<DayCounts> Days, int Read)> ReadCountRowsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(query.From))} and PartitionKey le {EventIndexKeys.CountPartition(TableKeys.EventPartitionKey(query.To))}");
        var days = new List<DayCounts>();
        await foreach (var row in storage.EventIndexTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(new DayCounts(
                row.PartitionKey[(EventIndexKeys.Count.Length + 1)..],
                row.GetInt32(EventCounts.Total) ?? 0,
                Map(row.GetString(EventCounts.Types)),
                Map(row.GetString(EventCounts.Actors)),
                Map(row.GetString(EventCounts.Locations)),
                Map(row.GetString(EventCounts.Countries))));
        }

        return (days, days.Count);
    }

    private async Task<(List<DayCounts> Days, int Read)> CountEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var days = new List<DayCounts>();
        var read = 0;
        var page = query with { Limit = EventQuery.MaxLimit, ContinuationToken = null };
        do
        {
            var result = await events.QueryAsync(page, cancellationToken);
            read += result.EntitiesRead;
            days.AddRange(result.Events.Select(DayCounts.Of));
            page = page with { ContinuationToken = result.ContinuationToken };
        }
        while (page.ContinuationToken is not null);

        return (days, read);
    }

    private static List<SummaryBucket> Group(List<DayCounts> days, SummaryGrouping groupBy, int top) => groupBy switch
    {
        SummaryGrouping.Day => TimeBuckets(days, day => day),
        SummaryGrouping.Week => TimeBuckets(days, day => ISOWeek.GetYear(Date(day)).ToString(CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(Date(day)).ToString("D2", CultureInfo.InvariantCulture)),
        SummaryGrouping.Month => TimeBuckets(days, day => day[..7]),
        SummaryGrouping.Type => Ranked(days.SelectMany(d => d.Types), top, code => CameoCategories.Find(code)?.Label),
        SummaryGrouping.Actor => Ranked(days.SelectMany(d => d.Actors), top),
        SummaryGrouping.Location => Ranked(days.SelectMany(d => d.Locations), top),
        _ => Ranked(days.SelectMany(d => d.Countries), top),
    };

    private static List<SummaryBucket> TimeBuckets(List<DayCounts> days, Func<string, string> bucketOf) =>
        days.GroupBy(day => bucketOf(day.Day), StringComparer.Ordinal)
            .OrderBy(bucket => bucket.Key, StringComparer.Ordinal)
            .Select(bucket => new SummaryBucket(bucket.Key, null, bucket.Sum(day => day.Total), Sum(bucket.SelectMany(day => day.Types))))
            .ToList();

    private static List<SummaryBucket> Ranked(IEnumerable<KeyValuePair<string, int>> counts, int top, Func<string, string?>? label = null) =>
        Sum(counts)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new SummaryBucket(pair.Key, label?.Invoke(pair.Key), pair.Value))
            .ToList();

    private static Dictionary<string, int> Sum(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            sums[key] = sums.GetValueOrDefault(key) + count;
        }

        return sums;
    }

    private static DateTime Date(string day) => DateTime.ParseExact(day, TableKeys.DateFormat, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Map(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];

    /// <summary>One day's counts: a count row, or a single event counted the same way.</summary>
    private sealed record DayCounts(
        string Day, int Total, Dictionary<string, int> Types, Dictionary<string, int> Actors, Dictionary<string, int> Locations, Dictionary<string, int> Countries)
    {
        public static DayCounts Of(EventRecord record) => new(
            record.Date,
            1,
            One(record.Type is { } type ? [type.Code] : []),
            One(record.Actors.Concat(record.Targets).Select(actor => actor.Name)),
            One(record.Locations.Select(place => place.Name)),
            One(record.Actors.Concat(record.Targets).Select(actor => actor.CountryCode).Concat(record.Locations.Select(place => place.CountryCode)).OfType<string>()));

        private static Dictionary<string, int> One(IEnumerable<string> keys) => keys.Distinct(StringComparer.Ordinal).ToDictionary(key => key, _ => 1, StringComparer.Ordinal);
    }
}
