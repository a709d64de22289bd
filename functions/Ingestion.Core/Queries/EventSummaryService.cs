using System.Globalization;
using Azure.Data.Tables;
using Ingestion.Core.Actors;
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

/// <param name="Key">The day (2022-02-05), ISO week (2022-W05), month (2022-02), CAMEO code, actor id, place name or country code.</param>
/// <param name="Label">The CAMEO label of a type, the name of an actor.</param>
/// <param name="ByType">For time buckets: the count per CAMEO code, for stacked charts.</param>
public sealed record SummaryBucket(string Key, string? Label, int Count, IReadOnlyDictionary<string, int>? ByType = null);

/// <param name="ResolvedActors">What the query's <c>actor</c> named; absent without one.</param>
public sealed record EventSummary(SummaryGrouping GroupBy, string From, string To, IReadOnlyList<SummaryBucket> Buckets, int EntitiesRead)
{
    public IReadOnlyList<ActorReference>? ResolvedActors { get; init; }
}

/// <summary>
/// Counts for charts. Without filters it reads the per-day count rows (one per article and day), never the events;
/// with filters it reads the filtered events, whose cost already follows what they return.
/// </summary>
public sealed class EventSummaryService(StorageClients storage, EventQueryService events)
{
    /// <param name="top">How many buckets to keep for type, actor, location and country groupings (largest first).</param>
    public async Task<EventSummary> SummarizeAsync(EventQuery query, SummaryGrouping groupBy, int top, CancellationToken cancellationToken)
    {
        (query, var resolved) = await events.ResolveActorAsync(query, cancellationToken);
        var (days, read) = query.HasFilters
            ? await CountEventsAsync(query, cancellationToken)
            : await ReadCountRowsAsync(query, cancellationToken);
        return new EventSummary(
            groupBy,
            TableKeys.EventPartitionKey(query.From),
            TableKeys.EventPartitionKey(query.To),
            Group(days, groupBy, top),
            read)
        {
            ResolvedActors = resolved,
        };
    }

    private async Task<(List<DayCounts> Days, int Read)> ReadCountRowsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var days = await DailyEventCounts.ReadAsync(storage.EventIndexTable, query.From, query.To, cancellationToken).ToListAsync(cancellationToken);
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
        SummaryGrouping.Actor => Ranked(days.SelectMany(d => d.Actors), top, ActorNames(days)),
        SummaryGrouping.Location => Ranked(days.SelectMany(d => d.Locations), top),
        _ => Ranked(days.SelectMany(d => d.Countries), top),
    };

    private static Func<string, string?> ActorNames(List<DayCounts> days)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in days.SelectMany(day => day.ActorNames))
        {
            names.TryAdd(id, name);
        }

        return id => names.GetValueOrDefault(id);
    }

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
}
