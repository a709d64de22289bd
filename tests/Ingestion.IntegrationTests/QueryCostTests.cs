using Azure.Data.Tables;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>A query's cost follows what it returns: counted in entities read, with 100,000 other events in the same days.</summary>
[Collection(AzuriteTests.Name)]
public sealed class QueryCostTests(QueryCostTests.Data data) : IClassFixture<QueryCostTests.Data>
{
    private static readonly DateOnly March1 = new(2022, 3, 1);

    private CoreServices Core => data.Core;

    /// <summary>Loaded once for the class: 100,000 events of other articles, and 10 of one article with its index rows.</summary>
    public sealed class Data(AzuriteFixture azurite) : IAsyncLifetime
    {
        private const int OtherEvents = 100_000;

        public CoreServices Core { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Core = await CoreServices.CreateAsync(new TestStorage(azurite));
            var noise = Enumerable.Range(0, OtherEvents).Select(i => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(TableKeys.EventPartitionKey(March1.AddDays(i % 31)), TableKeys.EventRowKey($"other{i / 1000:D4}", i % 1000)) { ["Trigger"] = "said" }));
            await TableTransactions.SubmitAsync(Core.Get<StorageClients>().EventsTable, noise, CancellationToken.None);

            var article = new Article("lovelace.txt", March1, PublicationDateSource.Header, null, "…");
            var key = TableKeys.ArticleKey(article.Name);
            var rows = Enumerable.Range(0, 10).Select(i =>
            {
                var day = March1.AddDays(i * 3);
                var date = new EventDate(TableKeys.EventPartitionKey(day), DatePrecision.Day, day, day, DateSource.Explicit);
                var extracted = new ExtractedEvent(0, 5, "visit", new CameoCategory("04", "CONSULT"), date, [new Actor("Ada Lovelace", ActorKind.Person)], [], [new Place("Turin", "IT")], [], "Ada Lovelace visited Turin.");
                return EventEntityMapper.ToEntity(article, key, i, extracted, "test");
            }).ToList();
            await Core.Get<EventWriter>().ReplaceArticleEventsAsync(key, rows, firstWrite: false, CancellationToken.None);
        }

        public async Task DisposeAsync() => await Core.DisposeAsync();
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("location")]
    [InlineData("country")]
    [InlineData("article")]
    public async Task Filtered_query_returning_10_events_reads_about_10_entities(string filter)
    {
        var query = new EventQuery(March1, new DateOnly(2022, 3, 31), EventQuery.MaxLimit);
        query = filter switch
        {
            "actor" => query with { Actor = "ada lovelace" },
            "location" => query with { Location = "Turin" },
            "country" => query with { Country = "it" },
            _ => query with { Article = "lovelace.txt" },
        };

        var page = await Core.Get<EventQueryService>().QueryAsync(query, CancellationToken.None);

        Assert.Equal(10, page.Events.Count);
        Assert.InRange(page.EntitiesRead, 10, 30);
    }

    [Fact]
    public async Task Date_range_page_of_100_reads_about_100_entities()
    {
        var page = await Core.Get<EventQueryService>().QueryAsync(new EventQuery(March1, new DateOnly(2022, 3, 31), 100) { Selection = EventSelection.All }, CancellationToken.None);

        Assert.Equal(100, page.Events.Count);
        Assert.InRange(page.EntitiesRead, 100, 300);
    }

    [Fact]
    public async Task Coded_events_of_a_date_range_are_chosen_in_storage()
    {
        var page = await Core.Get<EventQueryService>().QueryAsync(new EventQuery(March1, new DateOnly(2022, 3, 31), EventQuery.MaxLimit), CancellationToken.None);

        Assert.Equal(10, page.Events.Count);
        Assert.InRange(page.EntitiesRead, 10, 30);
    }

    [Fact]
    public async Task Unfiltered_summary_reads_count_rows_not_events()
    {
        var summary = await Core.Get<EventSummaryService>().SummarizeAsync(new EventQuery(March1, new DateOnly(2022, 3, 31)), SummaryGrouping.Type, 10, CancellationToken.None);

        Assert.Equal(10, Assert.Single(summary.Buckets).Count);
        Assert.InRange(summary.EntitiesRead, 1, 10);
    }
}
