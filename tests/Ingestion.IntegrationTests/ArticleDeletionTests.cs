using Azure.Data.Tables;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>Deleting an article's blob removes everything it contributed, on Azurite, step by step.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ArticleDeletionTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    private const string Kept = "kept.txt";

    [Fact]
    public async Task Deleted_article_loses_its_events_index_rows_and_day_counts_and_others_keep_theirs()
    {
        await ProcessAsync(Kept, Articles.Sample(Articles.Seed));
        var keptRows = await RowsAsync();
        await ProcessAsync("gone.txt", Articles.Sample(Articles.Seed));
        Assert.Contains(await RowsAsync(), row => row.Contains(TableKeys.ArticleKey("gone.txt"), StringComparison.Ordinal));

        await Storage.Articles.DeleteBlobAsync("gone.txt");
        var outcome = await Core.Get<ArticleDeletion>().DeleteAsync("gone.txt", CancellationToken.None);

        Assert.Equal(ArticleDeletionOutcome.Deleted, outcome);
        Assert.Equal(keptRows, await RowsAsync());
        var article = await Core.Get<ArticleRepository>().GetAsync("gone.txt", CancellationToken.None);
        Assert.Equal((ArticleStatus.Deleted, 0), (article!.Status, article.Attempts));
        var page = await Core.Get<EventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 28), 1000), CancellationToken.None);
        Assert.NotEmpty(page.Events);
        Assert.All(page.Events, e => Assert.Equal(Kept, e.Article.Name));
        var (deleted, _) = await Core.Get<ArticleRepository>().ListAsync(ArticleStatus.Deleted, 10, null, CancellationToken.None);
        Assert.Equal(["gone.txt"], deleted.Select(a => a.Name));
    }

    [Fact]
    public async Task Deleting_again_or_a_blob_that_is_back_removes_nothing()
    {
        await ProcessAsync("back.txt", Articles.Sample(Articles.Seed));
        var rows = await RowsAsync();

        // A late notification for a blob uploaded again: the new version's parse replaces the rows.
        var outcome = await Core.Get<ArticleDeletion>().DeleteAsync("back.txt", CancellationToken.None);
        Assert.Equal(ArticleDeletionOutcome.BlobExists, outcome);
        Assert.Equal(rows, await RowsAsync());

        await Storage.Articles.DeleteBlobAsync("back.txt");
        Assert.Equal(ArticleDeletionOutcome.Deleted, await Core.Get<ArticleDeletion>().DeleteAsync("back.txt", CancellationToken.None));
        Assert.Equal(ArticleDeletionOutcome.AlreadyDeleted, await Core.Get<ArticleDeletion>().DeleteAsync("back.txt", CancellationToken.None));
        Assert.Equal(ArticleDeletionOutcome.AlreadyDeleted, await Core.Get<ArticleDeletion>().DeleteAsync("never-seen.txt", CancellationToken.None));
    }

    [Fact]
    public async Task Upload_after_deletion_starts_afresh()
    {
        await ProcessAsync("again.txt", Articles.Sample(Articles.Seed));
        var first = await RowsAsync();
        await Storage.Articles.DeleteBlobAsync("again.txt");
        await Core.Get<ArticleDeletion>().DeleteAsync("again.txt", CancellationToken.None);

        await Articles.UploadAsync(Storage.Articles, "again.txt", Articles.Sample(Articles.Seed));
        await Core.Get<ArticleIntake>().ReceiveAsync("again.txt", CancellationToken.None);
        await ProcessQueuedAsync();

        var article = await Core.Get<ArticleRepository>().GetAsync("again.txt", CancellationToken.None);
        Assert.Equal((ArticleStatus.Processed, 1), (article!.Status, article.Attempts));
        Assert.Equal(first, await RowsAsync());
    }

    [Fact]
    public async Task Deletion_waits_for_a_parser_that_holds_the_article_and_then_removes_what_it_wrote()
    {
        var eTag = await ProcessAsync("racing.txt", Articles.Sample(Articles.Seed));
        var repository = Core.Get<ArticleRepository>();
        var written = await repository.GetAsync("racing.txt", CancellationToken.None);
        var parser = await repository.ClaimAsync("racing.txt", eTag, "test", TimeSpan.FromMinutes(1), reprocess: true, CancellationToken.None);
        await Storage.Articles.DeleteBlobAsync("racing.txt");

        await Assert.ThrowsAsync<ArticleBusyException>(() => Core.Get<ArticleDeletion>().DeleteAsync("racing.txt", CancellationToken.None));

        // The parser had read the blob before it went, and records its events; the retried deletion removes them.
        await repository.CompleteAsync(parser, written!, CancellationToken.None);
        Assert.NotEmpty(await RowsAsync());
        Assert.Equal(ArticleDeletionOutcome.Deleted, await Core.Get<ArticleDeletion>().DeleteAsync("racing.txt", CancellationToken.None));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Upload_received_during_a_deletion_is_parsed_only_after_it_with_its_own_events()
    {
        await ProcessAsync("reuploaded.txt", Articles.Sample(Articles.Seed));
        await Storage.Articles.DeleteBlobAsync("reuploaded.txt");
        var repository = Core.Get<ArticleRepository>();
        var deletion = await repository.ClaimDeletionAsync("reuploaded.txt", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(ArticleClaimOutcome.Claimed, deletion.Outcome);

        // Uploaded again while the old rows are being removed: the intake records it, but its parse must wait, or
        // the removal would delete the new version's rows (same keys) as they are written.
        var eTag = await Articles.UploadAsync(Storage.Articles, "reuploaded.txt", " date 2023-05-10 The minister visited Paris on Monday.");
        await Core.Get<ArticleIntake>().ReceiveAsync("reuploaded.txt", CancellationToken.None);
        await Assert.ThrowsAsync<ArticleBusyException>(() => Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("reuploaded.txt", eTag), 1, CancellationToken.None));
        await Core.Get<ArticleContributions>().RemoveAsync(TableKeys.ArticleKey("reuploaded.txt"), _ => Task.CompletedTask, CancellationToken.None);
        await repository.CompleteDeletionAsync(deletion, "reuploaded.txt", CancellationToken.None);

        Assert.Equal(ArticleStatus.Received, (await repository.GetAsync("reuploaded.txt", CancellationToken.None))!.Status);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("reuploaded.txt", eTag), 1, CancellationToken.None);

        var article = await repository.GetAsync("reuploaded.txt", CancellationToken.None);
        Assert.Equal((ArticleStatus.Processed, 1), (article!.Status, article.Attempts));
        var events = await Tables.AllRowsAsync(Storage.EventsTable);
        Assert.NotEmpty(events);
        Assert.All(events, row => Assert.StartsWith("2023-05-", row.PartitionKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweeper_deletes_a_stalled_article_whose_blob_is_gone()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "orphan.txt", Articles.Sample(Articles.Seed));
        await Core.Get<ArticleIntake>().ReceiveAsync("orphan.txt", CancellationToken.None);
        var repository = Core.Get<ArticleRepository>();
        await repository.ClaimAsync("orphan.txt", eTag, "test", TimeSpan.FromMinutes(-20), reprocess: false, CancellationToken.None);
        await Storage.Articles.DeleteBlobAsync("orphan.txt");

        Assert.Equal(1, await Core.Get<StalledArticleSweeper>().SweepAsync(CancellationToken.None));

        Assert.Equal(ArticleStatus.Deleted, (await repository.GetAsync("orphan.txt", CancellationToken.None))!.Status);
    }

    private async Task<string> ProcessAsync(string name, string content)
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, name, content);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(name, eTag), 1, CancellationToken.None);
        return eTag;
    }

    private async Task ProcessQueuedAsync()
    {
        foreach (var message in (await Storage.ParseQueue.ReceiveMessagesAsync(32)).Value)
        {
            var request = System.Text.Json.JsonSerializer.Deserialize<ParseRequest>(message.Body.ToString(), Ingestion.Core.IngestionJson.Options)!;
            await Core.Get<ArticleProcessor>().ProcessAsync(request, message.DequeueCount, CancellationToken.None);
        }
    }

    /// <summary>Every event and index row, as table/partition/row, sorted.</summary>
    private async Task<List<string>> RowsAsync()
    {
        var rows = new List<string>();
        foreach (var table in (TableClient[])[Storage.EventsTable, Storage.EventIndexTable])
        {
            rows.AddRange((await Tables.AllRowsAsync(table)).Select(row => $"{table.Name}/{row.PartitionKey}/{row.RowKey}/{row.GetInt32(EventCounts.Total)}"));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
