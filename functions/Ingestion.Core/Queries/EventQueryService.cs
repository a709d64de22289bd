using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Ingestion.Core.Actors;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Queries;

/// <summary>
/// Reads events in date order, one page at a time. A date range alone scans the Events table's partitions for those
/// days; a filter reads its EventIndex partition instead (several types or actors, or the places a location name stands for: one partition each, merged), so the cost
/// follows what is returned, not the size of the table. Pages continue after the last key read (keyset paging).
/// </summary>
public sealed class EventQueryService(StorageClients storage, ActorDirectory actors)
{
    /// <exception cref="InvalidContinuationTokenException">The token is not one this query produced.</exception>
    public async Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var fingerprint = query.Fingerprint;
        string? after = null;
        if (query.ContinuationToken is { } token)
        {
            after = ContinuationTokens.TryRead(token, fingerprint) ?? throw new InvalidContinuationTokenException();
        }

        (query, var resolved) = await ResolveActorAsync(query, cancellationToken);
        if (query.ActorIds is { Count: 0 })
        {
            return new EventPage([], null, 0, resolved);
        }

        var locationKeys = query.LocationKeys;
        var scans = Scans(query, locationKeys, after).ToList();
        var events = new List<EventRecord>(Math.Min(query.Limit, 256));
        string? last = null;
        while (events.Count < query.Limit)
        {
            // The smallest next key across the scans keeps the merged result in date order.
            Scan? next = null;
            foreach (var scan in scans)
            {
                if (await scan.PeekAsync(query.Limit, cancellationToken) is not null && (next is null || string.CompareOrdinal(scan.Current!.Value.SortKey, next.Current!.Value.SortKey) < 0))
                {
                    next = scan;
                }
            }

            if (next is null)
            {
                last = null;
                break;
            }

            var (sortKey, entity) = next.Take();
            if (sortKey == last)
            {
                continue;
            }

            last = sortKey;
            var record = EventEntityMapper.FromEntity(entity);
            if (query.Matches(record, locationKeys))
            {
                events.Add(record);
            }
        }

        if (last is not null && await AllExhaustedAsync(scans, query.Limit, cancellationToken))
        {
            last = null;
        }

        return new EventPage(events, last is null ? null : ContinuationTokens.Create(fingerprint, last), scans.Sum(scan => scan.EntitiesRead), resolved);
    }

    /// <summary>
    /// The query with its <c>actor</c> value resolved to actor ids (every actor an alias names), and those actors;
    /// the query unchanged, and null, when it has no actor value or its ids are already known.
    /// </summary>
    public async Task<(EventQuery Query, IReadOnlyList<ActorReference>? Resolved)> ResolveActorAsync(EventQuery query, CancellationToken cancellationToken)
    {
        if (query.Actor is not { } value || query.ActorIds is not null)
        {
            return (query, null);
        }

        var found = await actors.ResolveAsync(value, cancellationToken);
        return (query with { ActorIds = [.. found.Select(actor => actor.Id)] }, [.. found.Select(actor => new ActorReference(actor.Id, actor.Name))]);
    }

    /// <summary>A query's pages from <paramref name="first"/> (already read, so a bad token is refused before anything is sent) to the last.</summary>
    public async IAsyncEnumerable<IReadOnlyList<EventRecord>> PagesAsync(EventQuery query, EventPage first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = first;
        yield return page.Events;
        while (page.ContinuationToken is { } token)
        {
            page = await QueryAsync(query with { ContinuationToken = token }, cancellationToken);
            yield return page.Events;
        }
    }

    private static async Task<bool> AllExhaustedAsync(List<Scan> scans, int pageSize, CancellationToken cancellationToken)
    {
        foreach (var scan in scans)
        {
            if (await scan.PeekAsync(pageSize, cancellationToken) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The partitions to read: the most selective filter's index partition, or the Events table's days.</summary>
    private IEnumerable<Scan> Scans(EventQuery query, IReadOnlyList<string> locationKeys, string? after)
    {
        var from = TableKeys.EventPartitionKey(query.From);
        var to = TableKeys.EventPartitionKey(query.To);
        var indexPartitions =
            query.Article is { } article ? [EventIndexKeys.ArticlePartition(TableKeys.ArticleKey(article))]
            : query.ActorIds is { } ids ? ids.Select(id => EventIndexKeys.Partition(EventIndexKeys.Actor, id)).Distinct().ToList()
            : query.Location is not null ? locationKeys.Select(key => EventIndexKeys.Partition(EventIndexKeys.Location, key)).Distinct().ToList()
            : query.Country is { } country ? [EventIndexKeys.Partition(EventIndexKeys.Country, country)]
            : query.Types.Select(type => EventIndexKeys.Partition(EventIndexKeys.Type, type)).Distinct().ToList();

        // Coded events are chosen in storage, so a default query reads no uncoded rows.
        var selection = query.Selection == EventSelection.Coded ? " and Coded eq true" : string.Empty;
        if (indexPartitions.Count == 0)
        {
            var range = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}") + selection;
            var keyset = after is null ? null : AfterEventKey(after);
            yield return new Scan(storage.EventsTable, keyset is null ? range : $"{range} and ({keyset})", entity => EventIndexKeys.SortKey(entity.PartitionKey, entity.RowKey));
            yield break;
        }

        // Index row keys are "{date}|{row}", and '~' sorts after every row key character.
        var end = $"{to}|~";
        foreach (var partition in indexPartitions)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {end}") + selection;
            if (after is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
            }

            yield return new Scan(storage.EventIndexTable, filter, entity => entity.RowKey);
        }
    }

    /// <summary>Events after a sort key "{partition}|{row}": later partitions, or later rows of the same partition.</summary>
    internal static string? AfterEventKey(string after)
    {
        var separator = after.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidContinuationTokenException();
        }

        var (partition, row) = (after[..separator], after[(separator + 1)..]);
        return TableClient.CreateQueryFilter($"PartitionKey gt {partition} or (PartitionKey eq {partition} and RowKey gt {row})");
    }

    /// <summary>One storage query read page by page, with the next entity held for the merge.</summary>
    private sealed class Scan(TableClient table, string filter, Func<TableEntity, string> sortKey)
    {
        private readonly Queue<TableEntity> _buffer = new();
        private string? _continuation;
        private bool _exhausted;

        public (string SortKey, TableEntity Entity)? Current { get; private set; }

        public int EntitiesRead { get; private set; }

        public async Task<(string SortKey, TableEntity Entity)?> PeekAsync(int pageSize, CancellationToken cancellationToken)
        {
            while (Current is null)
            {
                if (_buffer.TryDequeue(out var entity))
                {
                    Current = (sortKey(entity), entity);
                    break;
                }

                if (_exhausted)
                {
                    break;
                }

                await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(_continuation, pageSize))
                {
                    foreach (var row in page.Values)
                    {
                        _buffer.Enqueue(row);
                    }

                    EntitiesRead += page.Values.Count;
                    _continuation = page.ContinuationToken;
                    _exhausted = string.IsNullOrEmpty(_continuation);
                    break;
                }
            }

            return Current;
        }

        public (string SortKey, TableEntity Entity) Take()
        {
            var current = Current ?? throw new InvalidOperationException("Nothing to take: peek first.");
            Current = null;
            return current;
        }
    }
}

public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
        : base("The continuation token is not valid for this query: pass back the token exactly as returned, with the same parameters.")
    {
    }

    public InvalidContinuationTokenException(string message)
        : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
