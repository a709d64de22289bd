using Azure.Data.Tables;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Ingestion.Cli.Tests;

public sealed class ReprocessCommandTests(AzuriteFixture azurite) : StorageTest(azurite)
{

    [Fact]
    public async Task Failed_articles_are_reprocessed_and_a_second_run_finds_nothing_left()
    {
        // The same extractor version as the real one, so only a forced re-run parses the version again.
        var broken = new Mock<IEventExtractor>();
        broken.SetupGet(x => x.Version).Returns(Core.Get<IEventExtractor>().Version);
        broken.Setup(x => x.Extract(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).Throws(new InvalidOperationException("extractor broke"));
        await using (var failing = await CoreServices.CreateAsync(TestStorage, services => services.AddSingleton(broken.Object)))
        {
            var eTag = await Articles.UploadAsync(Storage.Articles, Articles.Seed, Articles.Sample(Articles.Seed));
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Articles.Seed, eTag), 5, CancellationToken.None));
        }

        var first = await RunAsync("reprocess", "--failed");
        var second = await RunAsync("reprocess", "--failed");

        Assert.Equal(0, first.ExitCode);
        var article = await Core.Get<ArticleRepository>().GetAsync(Articles.Seed, CancellationToken.None);
        Assert.Equal(ArticleStatus.Processed, article!.Status);
        Assert.Contains($"Reprocessed 1 articles ({article.EventCount} events written)", first.Console, StringComparison.Ordinal);
        Assert.Equal(article.EventCount, (await EventRowsAsync()).Count);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Reprocessed 0 articles", second.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocessing_an_article_replaces_its_events_and_running_it_again_leaves_the_same_rows()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "again.txt", Articles.Sample(Articles.Seed));
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("again.txt", eTag), 1, CancellationToken.None);
        var before = await EventRowsAsync();
        await foreach (var row in Storage.EventsTable.QueryAsync<TableEntity>())
        {
            row["Trigger"] = "tampered";
            await Storage.EventsTable.UpdateEntityAsync(row, row.ETag);
        }

        var first = await RunAsync("reprocess", "--article", "again.txt");
        var afterFirst = await EventRowsAsync();
        var second = await RunAsync("reprocess", "--article", "again.txt");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(before, afterFirst);
        Assert.Equal(before, await EventRowsAsync());
    }

    [Theory]
    [InlineData("rules-2.0.1", 1)]
    [InlineData("rules-2.0", 0)]
    [InlineData("rules-0.9", 0)]
    public async Task Older_than_version_chooses_articles_parsed_by_an_earlier_extractor(string version, int expected)
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "versioned.txt", " date 2023-05-10 The minister visited Paris on Monday.");
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("versioned.txt", eTag), 1, CancellationToken.None);

        var run = await RunAsync("reprocess", "--older-than-version", version);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Reprocessed {expected} articles", run.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_whose_blob_is_gone_is_reported_and_the_exit_code_says_some_failed()
    {
        var run = await RunAsync("reprocess", "--article", "never-uploaded.txt");

        Assert.Equal(ExitCodes.SomeFailed, run.ExitCode);
        Assert.Contains("never-uploaded.txt: the blob no longer exists", run.Console, StringComparison.Ordinal);
    }

    private async Task<List<string>> EventRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var row in Storage.EventsTable.QueryAsync<TableEntity>())
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.GetString("Trigger")}/{row.GetString("Sentence")}");
        }

        return rows;
    }
}
