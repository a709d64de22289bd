using Ingestion.Core.Actors;
using Ingestion.Core.Merging;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Api;

/// <summary>
/// The services the API's handlers use, as one parameter (eShop's <c>OrderServices</c>): registered once by
/// AddIngestionCore, the local host's routes and the Functions app's HTTP classes take it from the container. A handler
/// that needs another service adds it here, not to every signature.
/// </summary>
public sealed class IngestionApiServices(
    EventQueryService events, EventSummaryService summaries, ActorDirectory actors, ArticleRepository articles, IOptions<IngestionOptions> options, MergedEventQueryService mergedEvents)
{
    public EventQueryService Events { get; } = events;

    public EventSummaryService Summaries { get; } = summaries;

    /// <summary>Merged events: <c>distinct=true</c> and <c>GET /api/events/{key}</c>.</summary>
    public MergedEventQueryService MergedEvents { get; } = mergedEvents;

    public ActorDirectory Actors { get; } = actors;

    public ArticleRepository Articles { get; } = articles;

    public IngestionOptions Options { get; } = options.Value;
}
