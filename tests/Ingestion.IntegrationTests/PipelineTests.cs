using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Ingestion.IntegrationTests;

/// <summary>The two pipeline stages driven step by step against Azurite: what each writes, and how re-runs behave.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PipelineTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    [Fact]
    public async Task Received_article_is_recorded_and_queued_with_its_etag()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, Articles.Seed, Articles.Sample(Articles.Seed));

        await Core.Get<ArticleIntake>().ReceiveAsync(Articles.Seed, CancellationToken.None);

        var row = await Core.Get<ArticleRepository>().GetAsync(Articles.Seed, CancellationToken.None);
        Assert.Equal(ArticleStatus.Received, row?.Status);
        var message = (await Storage.ParseQueue.ReceiveMessageAsync()).Value;
        var request = JsonSerializer.Deserialize<ParseRequest>(message.Body.ToString(), IngestionJson.Options);
        Assert.Equal(new ParseRequest(Articles.Seed, eTag), request! with { EnqueuedAt = null });
    }

    [Fact]
    public async Task Offering_a_version_a_parser_holds_leaves_its_row_until_the_lease_runs_out()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var core = await CoreServices.CreateAsync(TestStorage, services => services.AddSingleton<TimeProvider>(time));
        var eTag = await Articles.UploadAsync(Storage.Articles, "busy.txt", Articles.Sample(Articles.Seed));
        var repository = core.Get<ArticleRepository>();
        var intake = core.Get<ArticleIntake>();
        await intake.ReceiveAsync("busy.txt", CancellationToken.None);
        await Storage.ParseQueue.ClearMessagesAsync();
        var claim = await repository.ClaimAsync("busy.txt", eTag, "test", TimeSpan.FromSeconds(3), reprocess: false, CancellationToken.None);
        Assert.Equal(ArticleClaimOutcome.Claimed, claim.Outcome);

        await intake.ReceiveAsync("busy.txt", CancellationToken.None);

        // Overwriting the row would let a second request claim the article beside its parser.
        Assert.Equal(ArticleStatus.Processing, (await repository.GetAsync("busy.txt", CancellationToken.None))!.Status);
        Assert.Empty((await Storage.ParseQueue.PeekMessagesAsync()).Value);

        // A parser that died holds the article only until its lease runs out; the next offer queues it again.
        time.Advance(TimeSpan.FromSeconds(3.5));
        await intake.ReceiveAsync("busy.txt", CancellationToken.None);

        Assert.Equal(ArticleStatus.Received, (await repository.GetAsync("busy.txt", CancellationToken.None))!.Status);
        Assert.Single((await Storage.ParseQueue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Recording_a_row_a_parser_claimed_after_it_was_read_changes_nothing()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "claimed.txt", Articles.Sample(Articles.Seed));
        var repository = Core.Get<ArticleRepository>();
        await Core.Get<ArticleIntake>().ReceiveAsync("claimed.txt", CancellationToken.None);
        var seen = await repository.GetAsync("claimed.txt", CancellationToken.None);
        await repository.ClaimAsync("claimed.txt", eTag, "test", TimeSpan.FromMinutes(1), reprocess: false, CancellationToken.None);

        var recorded = await repository.TryRecordReceivedAsync("claimed.txt", eTag, seen, CancellationToken.None);
        var createdMeanwhile = await repository.TryRecordReceivedAsync("claimed.txt", eTag, seen: null, CancellationToken.None);

        Assert.False(recorded);
        Assert.False(createdMeanwhile);
        Assert.Equal(ArticleStatus.Processing, (await repository.GetAsync("claimed.txt", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Parsed_article_is_processed_and_its_events_are_queryable_by_date()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, Articles.Seed, Articles.Sample(Articles.Seed));

        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Articles.Seed, eTag), 1, CancellationToken.None);

        var row = await Core.Get<ArticleRepository>().GetAsync(Articles.Seed, CancellationToken.None);
        Assert.Equal(ArticleStatus.Processed, row!.Status);
        Assert.Equal("2022-02-06", row.Published);
        Assert.True(row.EventCount > 0);
        var page = await Core.Get<EventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 2, 5), new DateOnly(2022, 2, 7), 1000), CancellationToken.None);
        Assert.Contains(page.Events, e => e.Article.Name == Articles.Seed && e.Date == "2022-02-06");
        Assert.Equal(page.Events.OrderBy(e => e.Date, StringComparer.Ordinal).Select(e => e.Id), page.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Same_blob_uploaded_twice_leaves_the_same_rows()
    {
        var content = Articles.Sample(Articles.Seed);
        var first = await Articles.UploadAsync(Storage.Articles, "twice.txt", content);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("twice.txt", first), 1, CancellationToken.None);
        var before = await AllEventRowsAsync();

        var second = await Articles.UploadAsync(Storage.Articles, "twice.txt", content);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("twice.txt", second), 1, CancellationToken.None);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("twice.txt", second), 1, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.NotEmpty(before);
        Assert.Equal(before, await AllEventRowsAsync());
    }

    [Fact]
    public async Task Overwritten_blob_replaces_its_events_and_leaves_no_stale_rows()
    {
        var processor = Core.Get<ArticleProcessor>();
        var v1 = await Articles.UploadAsync(Storage.Articles, "overwrite.txt", Articles.Sample(Articles.Seed));
        await processor.ProcessAsync(new ParseRequest("overwrite.txt", v1), 1, CancellationToken.None);
        Assert.Contains(await AllEventRowsAsync(), row => row.StartsWith("2022-02-06", StringComparison.Ordinal));

        var v2 = await Articles.UploadAsync(Storage.Articles, "overwrite.txt", " date 2023-05-10 The minister visited Paris on Monday.");
        await processor.ProcessAsync(new ParseRequest("overwrite.txt", v2), 1, CancellationToken.None);

        var rows = await AllEventRowsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("2023-05-", row, StringComparison.Ordinal));
        var article = await Core.Get<ArticleRepository>().GetAsync("overwrite.txt", CancellationToken.None);
        Assert.Equal(rows.Count, article!.EventCount);
    }

    [Fact]
    public async Task Unreadable_new_version_is_recorded_as_failed_with_its_reason_and_old_events_removed()
    {
        var processor = Core.Get<ArticleProcessor>();
        var v1 = await Articles.UploadAsync(Storage.Articles, "broken.txt", Articles.Sample(Articles.Seed));
        await processor.ProcessAsync(new ParseRequest("broken.txt", v1), 1, CancellationToken.None);

        var v2 = await Articles.UploadAsync(Storage.Articles, "broken.txt", " date 2022-02-30 A body.");
        await processor.ProcessAsync(new ParseRequest("broken.txt", v2), 1, CancellationToken.None);

        var article = await Core.Get<ArticleRepository>().GetAsync("broken.txt", CancellationToken.None);
        Assert.Equal(ArticleStatus.Failed, article!.Status);
        Assert.Contains("2022-02-30", article.Error, StringComparison.Ordinal);
        Assert.Empty(await AllEventRowsAsync());
    }

    [Fact]
    public async Task Request_for_a_replaced_version_writes_nothing()
    {
        var processor = Core.Get<ArticleProcessor>();
        var v1 = await Articles.UploadAsync(Storage.Articles, "stale.txt", Articles.Sample(Articles.Seed));
        await Articles.UploadAsync(Storage.Articles, "stale.txt", " date 2023-05-10 The minister visited Paris on Monday.");

        await processor.ProcessAsync(new ParseRequest("stale.txt", v1), 1, CancellationToken.None);

        Assert.Empty(await AllEventRowsAsync());
        var article = await Core.Get<ArticleRepository>().GetAsync("stale.txt", CancellationToken.None);
        Assert.NotEqual(ArticleStatus.Processed, article!.Status);
        Assert.NotEqual(ArticleStatus.Processing, article.Status);
    }

    [Fact]
    public async Task Reprocess_parses_an_already_processed_version_again_and_replaces_its_events()
    {
        var processor = Core.Get<ArticleProcessor>();
        var eTag = await Articles.UploadAsync(Storage.Articles, "again.txt", Articles.Sample(Articles.Seed));
        await processor.ProcessAsync(new ParseRequest("again.txt", eTag), 1, CancellationToken.None);
        var before = await AllEventRowsAsync();
        await foreach (var row in Storage.EventsTable.QueryAsync<TableEntity>())
        {
            row["Trigger"] = "tampered";
            await Storage.EventsTable.UpdateEntityAsync(row, row.ETag);
        }

        await processor.ProcessAsync(new ParseRequest("again.txt", eTag), 1, CancellationToken.None);
        Assert.All(await AllEventRowsAsync(), row => Assert.Contains("/tampered/", row, StringComparison.Ordinal));

        var outcome = await processor.ReprocessAsync(new ParseRequest("again.txt", eTag), CancellationToken.None);

        Assert.Equal(ArticleClaimOutcome.Claimed, outcome);
        Assert.Equal(before, await AllEventRowsAsync());
        var article = await Core.Get<ArticleRepository>().GetAsync("again.txt", CancellationToken.None);
        Assert.Equal((ArticleStatus.Processed, 2), (article!.Status, article.Attempts));
    }

    [Fact]
    public async Task Cancelled_parse_gives_its_lease_back_so_a_rerun_need_not_wait_for_it()
    {
        var cancelled = new Mock<IEventExtractor>();
        cancelled.SetupGet(x => x.Version).Returns("test");
        cancelled.Setup(x => x.Extract(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).Throws(new OperationCanceledException());
        var eTag = await Articles.UploadAsync(Storage.Articles, "interrupted.txt", Articles.Sample(Articles.Seed));
        await using (var core = await CoreServices.CreateAsync(TestStorage, services => services.AddSingleton(cancelled.Object)))
        {
            await Assert.ThrowsAsync<OperationCanceledException>(() => core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("interrupted.txt", eTag), 1, CancellationToken.None));
        }

        var afterCancel = await Core.Get<ArticleRepository>().GetAsync("interrupted.txt", CancellationToken.None);
        var outcome = await Core.Get<ArticleProcessor>().ReprocessAsync(new ParseRequest("interrupted.txt", eTag), CancellationToken.None);

        Assert.Equal(ArticleStatus.Received, afterCancel!.Status);
        Assert.Equal(ArticleClaimOutcome.Claimed, outcome);
        Assert.Equal(ArticleStatus.Processed, (await Core.Get<ArticleRepository>().GetAsync("interrupted.txt", CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(1, ArticleStatus.Received)]
    [InlineData(IngestionOptions.DefaultMaxParseAttempts, ArticleStatus.Failed)]
    public async Task Failing_attempt_is_rethrown_for_retry_and_the_last_one_records_the_article_as_failed(long attempt, ArticleStatus expected)
    {
        var extractor = new Mock<IEventExtractor>();
        extractor.SetupGet(x => x.Version).Returns("test");
        extractor.Setup(x => x.Extract(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).Throws(new InvalidOperationException("extractor broke"));
        await using var core = await CoreServices.CreateAsync(TestStorage, services => services.AddSingleton(extractor.Object));
        var eTag = await Articles.UploadAsync(Storage.Articles, "flaky.txt", Articles.Sample(Articles.Seed));
        await core.Get<ArticleIntake>().ReceiveAsync("flaky.txt", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("flaky.txt", eTag), attempt, CancellationToken.None));

        var article = await core.Get<ArticleRepository>().GetAsync("flaky.txt", CancellationToken.None);
        Assert.Equal(expected, article!.Status);
        if (expected == ArticleStatus.Failed)
        {
            Assert.Contains("extractor broke", article.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Events_page_in_date_order_and_tokens_only_continue_their_own_query()
    {
        var articleKey = TableKeys.ArticleKey("many.txt");
        var rows = Enumerable.Range(0, 250)
            .Select(i => new TableEntity(TableKeys.EventPartitionKey(new DateOnly(2020, 1, 1).AddDays(i % 7)), TableKeys.EventRowKey(articleKey, i)) { ["Trigger"] = "visit" })
            .ToList();
        await Core.Get<EventWriter>().ReplaceArticleEventsAsync(articleKey, rows, firstWrite: false, CancellationToken.None);
        var queries = Core.Get<EventQueryService>();
        var query = new EventQuery(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 7), 40) { Selection = EventSelection.All };

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await queries.QueryAsync(query with { ContinuationToken = token }, CancellationToken.None);
            Assert.True(page.Events.Count <= 40);
            seen.AddRange(page.Events.Select(e => e.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(250, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);

        var firstPage = await queries.QueryAsync(query, CancellationToken.None);
        var other = new EventQuery(new DateOnly(2019, 1, 1), new DateOnly(2020, 1, 7), 40, firstPage.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => queries.QueryAsync(other, CancellationToken.None));
        var tampered = firstPage.ContinuationToken![..^2] + (firstPage.ContinuationToken[^2] == 'A' ? "BB" : "AA");
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => queries.QueryAsync(query with { ContinuationToken = tampered }, CancellationToken.None));
    }

    private async Task<List<string>> AllEventRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var row in Storage.EventsTable.QueryAsync<TableEntity>())
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.GetString("Trigger")}/{row.GetString("DateValue")}/{row.GetString("Sentence")}");
        }

        return rows;
    }
}
