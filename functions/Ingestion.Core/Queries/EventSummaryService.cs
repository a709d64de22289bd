using System.Globalization;
using Azure.Data.Tables;
using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
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

    /// <summary>By place id, with each place's name and coordinates, for a map.</summary>
    Place,
}

/// <param name="Key">The day (2022-02-05), ISO week (2022-W05), month (2022-02), CAMEO code, name, country code or place id.</param>
/// <param name="ByType">For time buckets: the count per CAMEO code, for stacked charts.</param>
/// <param name="BeforePublication">For time buckets: of <paramref name="Count"/>, the events only known to have happened before an article's publication, counted under its day.</param>
public sealed record SummaryBucket(string Key, string? Label, int Count, IReadOnlyDictionary<string, int>? ByType = null, int? BeforePublication = null)
{
    /// <summary>For place buckets: the place's name, country, coordinates and kind (null for a place stored unresolved).</summary>
    public string? Name { get; init; }

    public string? CountryCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public FeatureKind? FeatureKind { get; init; }
}

/// <param name="ResolvedPlaces">The places a <c>location</c> filter stood for; absent without one.</param>
/// <param name="ResolvedActors">What the query's <c>actor</c> named; absent without one.</param>
public sealed record EventSummary(SummaryGrouping GroupBy, string From, string To, IReadOnlyList<SummaryBucket> Buckets, int EntitiesRead, IReadOnlyList<ResolvedPlace>? ResolvedPlaces = null)
{
    public IReadOnlyList<ActorReference>? ResolvedActors { get; init; }
}

/// <summary>A place with events in a range, for search and autocomplete; coordinates are null for a place stored unresolved.</summary>
public sealed record PlaceCount(string Id, string Name, FeatureKind? FeatureKind, string? CountryCode, string? Admin1, double? Latitude, double? Longitude, int Count);

/// <summary>
/// Counts for charts. Without filters it reads the per-day count rows (one per article and day), never the events;
/// with filters it reads the filtered events, whose cost already follows what they return.
/// </summary>
public sealed class EventSummaryService(StorageClients storage, EventQueryService events, Merging.MergedEventQueryService mergedEvents)
{
    /// <param name="top">How many buckets to keep for type, actor, location and country groupings (largest first).</param>
    public async Task<EventSummary> SummarizeAsync(EventQuery query, SummaryGrouping groupBy, int top, CancellationToken cancellationToken)
    {
        (query, var resolved) = await events.ResolveActorAsync(query, cancellationToken);
        var (days, read) = query.Distinct
            ? await CountMergedEventsAsync(query, cancellationToken)
            : query.HasFilters
            ? await CountEventsAsync(query, cancellationToken)
            : await ReadCountRowsAsync(query, cancellationToken);
        return new EventSummary(
            groupBy,
            TableKeys.EventPartitionKey(query.From),
            TableKeys.EventPartitionKey(query.To),
            Group(days, groupBy, top),
            read,
            query.Location is { } location ? PlaceNames.Resolve(location, GeoGazetteer.Shared) : null)
        {
            ResolvedActors = resolved,
        };
    }

    /// <summary>Places with events in the range whose names (any alias) a search matches, most events first; read from the count rows.</summary>
    public async Task<IReadOnlyList<PlaceCount>> SearchPlacesAsync(DateOnly from, DateOnly to, string? search, int limit, CancellationToken cancellationToken)
    {
        var gazetteer = GeoGazetteer.Shared;
        var (days, _) = await ReadCountRowsAsync(new EventQuery(from, to), cancellationToken);
        return Sum(days.SelectMany(d => d.Places))
            .Select(pair => gazetteer.TryGet(pair.Key, out var feature)
                ? new PlaceCount(feature.Id, feature.Name, feature.Kind, feature.CountryCode, feature.Kind == FeatureKind.Admin1 ? null : gazetteer.RegionName(feature), feature.Latitude, feature.Longitude, pair.Value)
                : new PlaceCount(pair.Key, pair.Key, null, null, null, null, null, pair.Value))
            .Where(place => search is null || PlaceNames.Matches(search, gazetteer.TryGet(place.Id, out var feature) ? gazetteer.NamesOf(feature) : [place.Name]))
            .OrderByDescending(place => place.Count)
            .ThenBy(place => place.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The count rows of the range, only the columns of the query's selection (uncoded: all minus coded).</summary>

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
        var coded = query.Selection != EventSelection.All;
        var columns = query.Selection switch
        {
            EventSelection.Coded => EventCounts.Columns(coded: true),
            EventSelection.All => EventCounts.Columns(coded: false),
            _ => [.. EventCounts.Columns(coded: false), .. EventCounts.Columns(coded: true)],
        };
        var days = new List<DayCounts>();
        await foreach (var row in DailyEventCounts.ReadRowsAsync(storage.EventIndexTable, query.From, query.To, [.. columns, EventCounts.ActorNames], cancellationToken))
        {
            var day = row.PartitionKey[(EventIndexKeys.Count.Length + 1)..];
            var counts = DayCounts.Read(day, row, coded);
            counts = query.Selection == EventSelection.Uncoded ? DayCounts.Read(day, row, coded: false).Minus(counts) : counts;

            // An article's day may have events of the other selection only.
            if (counts.Total > 0)
            {
                days.Add(counts);
            }
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

    /// <summary>Merged events counted once each, under their day, with their merged fields.</summary>
    private async Task<(List<DayCounts> Days, int Read)> CountMergedEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var days = new List<DayCounts>();
        var read = 0;
        var page = query with { Limit = EventQuery.MaxLimit, ContinuationToken = null };
        do
        {
            var result = await mergedEvents.QueryAsync(page, cancellationToken);
            read += result.EntitiesRead;
            days.AddRange(result.Events.Select(merged => DayCounts.Of(merged.Event)));
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
        SummaryGrouping.Place => Ranked(days.SelectMany(d => d.Places), top).ConvertAll(PlaceBucket),
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
            .Select(bucket => new SummaryBucket(bucket.Key, null, bucket.Sum(day => day.Total), Sum(bucket.SelectMany(day => day.Types)), bucket.Sum(day => day.BeforePublication)))
            .ToList();

    private static List<SummaryBucket> Ranked(IEnumerable<KeyValuePair<string, int>> counts, int top, Func<string, string?>? label = null) =>
        Sum(counts)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new SummaryBucket(pair.Key, label?.Invoke(pair.Key), pair.Value))
            .ToList();

    private static SummaryBucket PlaceBucket(SummaryBucket bucket) => GeoGazetteer.Shared.TryGet(bucket.Key, out var place)
        ? bucket with { Name = place.Name, CountryCode = place.CountryCode, Latitude = place.Latitude, Longitude = place.Longitude, FeatureKind = place.Kind }
        : bucket with { Name = bucket.Key };

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

    private static Dictionary<string, int> Map(string? json) => DailyEventCounts.Map<int>(json);

    /// <summary>One day's counts: a count row, or a single event counted the same way.</summary>
    private sealed record DayCounts(
        string Day, int Total, int BeforePublication, Dictionary<string, int> Types, Dictionary<string, int> Actors, Dictionary<string, int> Locations, Dictionary<string, int> Countries, Dictionary<string, int> Places, Dictionary<string, string> ActorNames)
    {
        public static DayCounts Read(string day, TableEntity row, bool coded) => new(
            day,
            row.GetInt32(EventCounts.Column(EventCounts.Total, coded)) ?? 0,
            row.GetInt32(EventCounts.Column(EventCounts.BeforePublication, coded)) ?? 0,
            Map(row.GetString(EventCounts.Column(EventCounts.Types, coded))),
            Map(row.GetString(EventCounts.Column(EventCounts.Actors, coded))),
            Map(row.GetString(EventCounts.Column(EventCounts.Locations, coded))),
            Map(row.GetString(EventCounts.Column(EventCounts.Countries, coded))),
            Map(row.GetString(EventCounts.Column(EventCounts.Places, coded))),
            DailyEventCounts.Map<string>(row.GetString(EventCounts.ActorNames)));

        public static DayCounts Of(EventRecord record) => new(
            record.Date,
            1,
            record.DateSource == DateSource.BeforePublication ? 1 : 0,
            One(record.Type is { } type ? [type.Code] : []),
            One(record.Actors.Concat(record.Targets).Select(actor => actor.Id)),
            One(record.Locations.Select(place => place.Name)),
            One(record.Actors.Concat(record.Targets).Select(actor => actor.CountryCode).Concat(record.Locations.Select(place => place.CountryCode)).OfType<string>()),
            One(record.Locations.Select(EventIndexKeys.PlaceKey)),
            record.Actors.Concat(record.Targets).DistinctBy(actor => actor.Id).ToDictionary(actor => actor.Id, actor => actor.Name, StringComparer.Ordinal));

        public DayCounts Minus(DayCounts other) => new(
            Day, Total - other.Total, BeforePublication - other.BeforePublication, Less(Types, other.Types), Less(Actors, other.Actors), Less(Locations, other.Locations), Less(Countries, other.Countries), Less(Places, other.Places), ActorNames);

        private static Dictionary<string, int> Less(Dictionary<string, int> counts, Dictionary<string, int> subtracted) =>
            counts.Select(pair => (pair.Key, Count: pair.Value - subtracted.GetValueOrDefault(pair.Key)))
                .Where(pair => pair.Count > 0)
                .ToDictionary(pair => pair.Key, pair => pair.Count, StringComparer.Ordinal);

        private static Dictionary<string, int> One(IEnumerable<string> keys) => keys.Distinct(StringComparer.Ordinal).ToDictionary(key => key, _ => 1, StringComparer.Ordinal);
    }
}
