using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Queries;

/// <summary>Reads events by date: a PartitionKey range scan, in date order, one page at a time.</summary>
public sealed class EventQueryService(StorageClients storage)
{
    /// <exception cref="InvalidContinuationTokenException">The token is not one this query produced.</exception>
    public async Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken)
    {
        string? storageToken = null;
        if (query.ContinuationToken is { } token)
        {
            storageToken = ContinuationTokens.TryRead(token, query.Fingerprint) ?? throw new InvalidContinuationTokenException();
        }

        var from = TableKeys.EventPartitionKey(query.From);
        var to = TableKeys.EventPartitionKey(query.To);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}");
        var events = new List<EventRecord>(query.Limit);
        var next = storageToken;
        do
        {
            // Ask for exactly what is missing: a page cut short would lose the rows past the cut. The service may
            // return short or empty pages before the range ends, so keep reading until the page is full.
            var page = await ReadPageAsync(filter, query.Limit - events.Count, next, cancellationToken);
            events.AddRange(page.Values.Select(EventEntityMapper.FromEntity));
            next = page.ContinuationToken;
        }
        while (events.Count < query.Limit && next is not null);

        return new EventPage(events, next is null ? null : ContinuationTokens.Create(query.Fingerprint, next));
    }

    private async Task<Azure.Page<TableEntity>> ReadPageAsync(string filter, int size, string? continuation, CancellationToken cancellationToken)
    {
        await foreach (var page in storage.EventsTable.QueryAsync<TableEntity>(filter, size, cancellationToken: cancellationToken).AsPages(continuation, size))
        {
            return page;
        }

        return Azure.Page<TableEntity>.FromValues([], null, null!);
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
