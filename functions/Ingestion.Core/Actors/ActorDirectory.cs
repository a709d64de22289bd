using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Actors;

/// <summary>An actor search: a name prefix, a date range the counts are taken over, or both.</summary>
/// <param name="Search">Matched, normalized, as a prefix of any word of any alias ("mac", "president mac").</param>
public sealed record ActorSearch(string? Search, DateOnly? From, DateOnly? To, int Limit);

/// <summary>Reads the Actors table: resolves <c>actor=</c> values to actors, and searches actors for autocomplete.</summary>
public sealed class ActorDirectory(StorageClients storage)
{
    /// <summary>Alias rows a search reads at most: a one-letter prefix matches many, and the ranking looks at these.</summary>
    private const int MaxAliasRows = 1000;

    /// <summary>Actors a search without a date range reads at most, to rank them by their counts.</summary>
    private const int MaxCandidates = 200;

    private const int ParallelReads = 8;

    /// <summary>
    /// The actors an <c>actor=</c> value names: the actor with that id, or every actor with that alias (canonical
    /// name, gazetteer name, surname, title with name), case- and accent-insensitive; most events first.
    /// </summary>
    public async Task<IReadOnlyList<ActorRecord>> ResolveAsync(string value, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (ActorIdentity.LooksLikeId(value.Trim()))
        {
            ids.Add(value.Trim());
        }

        if (ActorIdentity.Normalize(value) is { Length: > 0 } alias)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ActorKeys.NamePartition(alias)}");
            await foreach (var row in storage.ActorsTable.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                ids.Add(row.RowKey);
            }
        }

        return Ranked(await GetAsync(ids, cancellationToken), counts: null);
    }

    /// <summary>
    /// Actors whose alias has a word starting with the search, or, without one, every actor with events in the range;
    /// ranked by their events in the range (all events without one), those without events left out.
    /// </summary>
    public async Task<IReadOnlyList<ActorRecord>> SearchAsync(ActorSearch search, CancellationToken cancellationToken)
    {
        var counts = search is { From: { } from, To: { } to } ? await CountsInRangeAsync(from, to, cancellationToken) : null;
        IEnumerable<string> candidates = search.Search is { } text
            ? await MatchingAsync(ActorIdentity.Normalize(text), cancellationToken)
            : (IEnumerable<string>?)counts?.Keys ?? [];

        if (counts is not null)
        {
            // Counts in the range rank the candidates before any actor row is read: only the shown ones are.
            candidates = candidates.Where(counts.ContainsKey).OrderByDescending(id => counts[id]).ThenBy(id => id, StringComparer.Ordinal).Take(search.Limit);
        }
        else
        {
            candidates = candidates.Take(MaxCandidates);
        }

        return Ranked(await GetAsync(candidates, cancellationToken), counts).Take(search.Limit).ToList();
    }

    /// <summary>Actor rows by id, in parallel point reads; ids without a row are left out.</summary>
    public async Task<List<ActorRecord>> GetAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<ActorRecord>();
        await Parallel.ForEachAsync(
            ids.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                NullableResponse<TableEntity> row;
                try
                {
                    row = await storage.ActorsTable.GetEntityIfExistsAsync<TableEntity>(id, ActorKeys.ActorRow, cancellationToken: token);
                }
                catch (RequestFailedException ex) when (ex.Status == 400)
                {
                    // A made-up id can hold what a key cannot: it names no actor.
                    return;
                }

                if (row.HasValue)
                {
                    lock (found)
                    {
                        found.Add(ActorKeys.FromEntity(row.Value!));
                    }
                }
            });
        return found;
    }

    /// <summary>Ids of the actors with an alias word starting with the prefix.</summary>
    private async Task<HashSet<string>> MatchingAsync(string prefix, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var (from, to) = ActorKeys.WordRange(prefix);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var read = 0;
        await foreach (var row in storage.ActorsTable.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
            if (++read >= MaxAliasRows)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>Each actor's events in the range, summed from the per-day count rows.</summary>
    private async Task<Dictionary<string, int>> CountsInRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var column = EventCounts.Column(EventCounts.Actors, coded: true);
        await foreach (var row in DailyEventCounts.ReadRowsAsync(storage.EventIndexTable, from, to, [column], cancellationToken))
        {
            foreach (var (id, count) in DailyEventCounts.Map<int>(row.GetString(column)))
            {
                counts[id] = counts.GetValueOrDefault(id) + count;
            }
        }

        return counts;
    }

    /// <summary>Actors with events (in the range, when counts are given), most first, then by name.</summary>
    private static List<ActorRecord> Ranked(IEnumerable<ActorRecord> actors, Dictionary<string, int>? counts) =>
        actors
            .Select(actor => counts is null ? actor : actor with { Count = counts.GetValueOrDefault(actor.Id) })
            .Where(actor => actor.Count > 0)
            .OrderByDescending(actor => actor.Count)
            .ThenBy(actor => actor.Name, StringComparer.Ordinal)
            .ThenBy(actor => actor.Id, StringComparer.Ordinal)
            .ToList();
}
