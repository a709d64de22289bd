using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// Reads merged events: a range of days in key order, one page at a time, with the event filters applied to each
/// merged event's fields; and one merged event with its mentions.
/// </summary>
public sealed class MergedEventQueryService(StorageClients storage, EventQueryService events)
{
    /// <summary>Mentions read at once for one merged event.</summary>
    private const int ParallelReads = 8;

    /// <exception cref="InvalidContinuationTokenException">The token is not one this query produced.</exception>
    public async Task<MergedEventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken)
    {
        query = query with { Distinct = true };
        var fingerprint = query.Fingerprint;
        string? after = null;
        if (query.ContinuationToken is { } token)
        {
            after = ContinuationTokens.TryRead(token, fingerprint) ?? throw new InvalidContinuationTokenException();
        }

        (query, var resolved) = await events.ResolveActorAsync(query, cancellationToken);
        if (query.ActorIds is { Count: 0 } || query.Selection == EventSelection.Uncoded)
        {
            return new MergedEventPage([], null, 0, resolved);
        }

        // Merged rows only: an article's shares and listings have no article count.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.EventPartitionKey(query.From)} and PartitionKey le {TableKeys.EventPartitionKey(query.To)}") + $" and {MergedEventStore.ArticleCountColumn} ge 1";
        if (after is not null)
        {
            filter += $" and ({EventQueryService.AfterEventKey(after)})";
        }

        var locationKeys = query.LocationKeys;
        var byMention = query with { Article = null };
        var found = new List<MergedEvent>(Math.Min(query.Limit, 256));
        var read = 0;
        string? last = null;
        await foreach (var page in storage.MergedEventsTable.QueryAsync<TableEntity>(filter, query.Limit, cancellationToken: cancellationToken).AsPages(pageSizeHint: query.Limit))
        {
            foreach (var row in page.Values)
            {
                if (found.Count == query.Limit)
                {
                    return new MergedEventPage(found, ContinuationTokens.Create(fingerprint, last!), read, resolved);
                }

                read++;
                last = EventIndexKeys.SortKey(row.PartitionKey, row.RowKey);
                var merged = MergedEvent.FromEntity(row);
                if (byMention.Matches(merged.Event, locationKeys) && (query.Article is null || merged.Articles.Contains(query.Article, StringComparer.Ordinal)))
                {
                    found.Add(merged);
                }
            }

            if (found.Count == query.Limit && page.ContinuationToken is not null)
            {
                return new MergedEventPage(found, ContinuationTokens.Create(fingerprint, last!), read, resolved);
            }
        }

        return new MergedEventPage(found, null, read, resolved);
    }

    /// <summary>One merged event and its mentions, or null when there is no such event.</summary>
    public async Task<MergedEventDetail?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!MergedEventKeys.TryParse(key, out var day, out var row))
        {
            return null;
        }

        TableEntity? merged = null;
        var mentionIds = new List<string>();
        var (from, to) = MergedEventKeys.Rows(row);
        await foreach (var entity in storage.MergedEventsTable.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == row)
            {
                merged = entity;
            }
            else
            {
                mentionIds.AddRange(JsonSerializer.Deserialize<List<string>>(entity.GetString(MergedEventStore.MentionsColumn) ?? "[]") ?? []);
            }
        }

        if (merged is null)
        {
            return null;
        }

        var mentions = new List<Storage.EventRecord>();
        await Parallel.ForEachAsync(
            mentionIds,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var separator = id.IndexOf('/', StringComparison.Ordinal);
                var response = await storage.EventsTable.GetEntityIfExistsAsync<TableEntity>(id[..separator], id[(separator + 1)..], cancellationToken: token);
                if (response.HasValue && response.Value is { } entity)
                {
                    lock (mentions)
                    {
                        mentions.Add(EventEntityMapper.FromEntity(entity));
                    }
                }
            });
        return new MergedEventDetail(MergedEvent.FromEntity(merged), [.. mentions.OrderBy(mention => mention.Id, StringComparer.Ordinal)]);
    }
}
