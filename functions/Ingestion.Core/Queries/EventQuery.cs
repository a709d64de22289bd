using System.Globalization;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Queries;

/// <summary>A date-range query over events. From and To are inclusive.</summary>
public sealed record EventQuery(DateOnly From, DateOnly To, int Limit = EventQuery.DefaultLimit, string? ContinuationToken = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>What a continuation token is bound to: every parameter but the token and the page size.</summary>
    internal string Fingerprint => string.Create(CultureInfo.InvariantCulture, $"events|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}");
}

public sealed record EventPage(IReadOnlyList<EventRecord> Events, string? ContinuationToken);
