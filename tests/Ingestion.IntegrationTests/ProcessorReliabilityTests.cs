using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Ingestion.Core;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.IntegrationTests;

/// <summary>The parse step under hostile input and concurrency, driven directly against Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ProcessorReliabilityTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    private const string V2Text = " date 2023-05-10 The minister visited Paris on Monday. Troops attacked the town on Tuesday.";

    [Fact]
    public async Task Hundred_megabyte_article_fails_on_its_size_without_being_read()
    {
        var blob = Storage.Articles.GetBlockBlobClient("huge.txt");
        await using (var upload = await blob.OpenWriteAsync(overwrite: true))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 100; i++)
            {
                await upload.WriteAsync(chunk);
            }
        }

        var eTag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var processor = Core.Get<ArticleProcessor>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        await processor.ProcessAsync(new ParseRequest("huge.txt", eTag), 1, CancellationToken.None);

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var article = await Core.Get<ArticleRepository>().GetAsync("huge.txt", CancellationToken.None);
        Assert.Equal(ArticleStatus.Failed, article!.Status);
        Assert.Contains("The article is 100 MB; articles are limited to 16 MB", article.Error, StringComparison.Ordinal);
        Assert.True(allocated < 10 * 1024 * 1024, $"allocated {allocated / 1048576.0:0.0} MB while refusing the article");
    }

    [Fact]
    public async Task Ten_megabyte_single_line_is_processed()
    {
        var line = string.Concat(Enumerable.Repeat("zzyzx qwrtp ", 850_000));
        var eTag = await Articles.UploadAsync(Storage.Articles, "one-line.txt", " date 2022-02-06 " + line);

        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("one-line.txt", eTag), 1, CancellationToken.None);

        var article = await Core.Get<ArticleRepository>().GetAsync("one-line.txt", CancellationToken.None);
        Assert.Equal(ArticleStatus.Processed, article!.Status);
    }

    [Fact]
    public async Task Same_request_processed_twice_at_once_writes_its_rows_once()
    {
        var content = Articles.Sample(Articles.Seed);
        var alone = await Articles.UploadAsync(Storage.Articles, "alone.txt", content);
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("alone.txt", alone), 1, CancellationToken.None);
        var twice = await Articles.UploadAsync(Storage.Articles, "twice.txt", content);
        await Core.Get<ArticleIntake>().ReceiveAsync("twice.txt", CancellationToken.None);

        var request = new ParseRequest("twice.txt", twice);
        await Task.WhenAll(
            Task.Run(() => Core.Get<ArticleProcessor>().ProcessAsync(request, 1, CancellationToken.None)),
            Task.Run(() => Core.Get<ArticleProcessor>().ProcessAsync(request, 1, CancellationToken.None)));

        var article = await Core.Get<ArticleRepository>().GetAsync("twice.txt", CancellationToken.None);
        Assert.Equal(ArticleStatus.Processed, article!.Status);
        var rows = await EventRowsAsync();
        Assert.Equal(Shapes(rows, "alone.txt"), Shapes(rows, "twice.txt"));
        Assert.Equal(article.EventCount, rows.Count(row => row.GetString("Article") == "twice.txt"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_versions_racing_end_with_only_the_newer_events(bool v1ProcessedFirst)
    {
        const string name = "racing.txt";
        var v1 = await Articles.UploadAsync(Storage.Articles, name, Articles.Sample(Articles.Seed));
        await Core.Get<ArticleIntake>().ReceiveAsync(name, CancellationToken.None);
        if (v1ProcessedFirst)
        {
            await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(name, v1), 1, CancellationToken.None);
        }

        var v2 = await Articles.UploadAsync(Storage.Articles, name, V2Text);
        await Core.Get<ArticleIntake>().ReceiveAsync(name, CancellationToken.None);

        await Task.WhenAll(DeliverAsync(new ParseRequest(name, v1)), DeliverAsync(new ParseRequest(name, v2)));

        var article = await Core.Get<ArticleRepository>().GetAsync(name, CancellationToken.None);
        Assert.Equal((ArticleStatus.Processed, v2, v2), (article!.Status, article.ProcessedBlobETag, article.BlobETag));
        var rows = await EventRowsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("2023-05-", row.PartitionKey, StringComparison.Ordinal));
        Assert.Equal(article.EventCount, rows.Count);
    }

    [Fact]
    public async Task New_extractor_version_replaces_the_old_versions_events()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "versioned.txt", Articles.Sample(Articles.Seed));
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("versioned.txt", eTag), 1, CancellationToken.None);
        var before = await EventRowsAsync();

        await using var upgraded = await CoreServices.CreateAsync(TestStorage, services => services.AddSingleton<IEventExtractor>(new ScriptedExtractor("rules-next", keepEvents: 2)));
        await upgraded.Get<ArticleProcessor>().ProcessAsync(new ParseRequest("versioned.txt", eTag), 1, CancellationToken.None);

        var after = await EventRowsAsync();
        Assert.True(before.Count > 2);
        Assert.Equal(2, after.Count);
        Assert.All(after, row => Assert.Equal("rules-next", row.GetString("ExtractorVersion")));
        var article = await Core.Get<ArticleRepository>().GetAsync("versioned.txt", CancellationToken.None);
        Assert.Equal(("rules-next", 2), (article!.ExtractorVersion, article.EventCount));
    }

    [Fact]
    public async Task Parse_after_an_attempt_that_died_mid_write_removes_what_that_attempt_left()
    {
        const string name = "died.txt";
        var eTag = await Articles.UploadAsync(Storage.Articles, name, V2Text);
        await Core.Get<ArticleIntake>().ReceiveAsync(name, CancellationToken.None);

        // The first attempt claims the article, writes a row the article does not have, and dies without an outcome.
        var repository = Core.Get<ArticleRepository>();
        var claim = await repository.ClaimAsync(name, eTag, "rules-old", TimeSpan.FromMinutes(2), reprocess: false, CancellationToken.None);
        var key = TableKeys.ArticleKey(name);
        var leftover = new TableEntity(TableKeys.EventPartitionKey(new DateOnly(1999, 1, 1)), TableKeys.EventRowKey(key, 99)) { ["Trigger"] = "left over", ["Article"] = name };
        await Core.Get<EventWriter>().ReplaceArticleEventsAsync(key, [leftover], firstWrite: true, CancellationToken.None);
        await repository.ReleaseAsync(claim, name, CancellationToken.None);

        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(name, eTag), 2, CancellationToken.None);

        var article = await repository.GetAsync(name, CancellationToken.None);
        var rows = await EventRowsAsync();
        Assert.Equal((ArticleStatus.Processed, 2), (article!.Status, article.Attempts));
        Assert.DoesNotContain(rows, row => row.PartitionKey.StartsWith("1999-", StringComparison.Ordinal));
        Assert.Equal(article.EventCount, rows.Count(row => row.GetString("Article") == name));
        Assert.DoesNotContain(await Tables.AllRowsAsync(Storage.EventIndexTable), row => row.RowKey.StartsWith("1999-", StringComparison.Ordinal));
    }

    /// <summary>Delivers a request as the queue does: again, with a higher dequeue count, while another parser holds the article (for up to about 10 s, as a loaded machine may need).</summary>
    private async Task DeliverAsync(ParseRequest request)
    {
        await Task.Yield();
        for (var dequeueCount = 1; ; dequeueCount++)
        {
            try
            {
                await Core.Get<ArticleProcessor>().ProcessAsync(request, dequeueCount, CancellationToken.None);
                return;
            }
            catch (ArticleBusyException) when (dequeueCount < 200)
            {
                await Task.Delay(50);
            }
        }
    }

    private Task<List<TableEntity>> EventRowsAsync() => Tables.AllRowsAsync(Storage.EventsTable);

    /// <summary>An article's rows without its key: partition, index and what was found.</summary>
    private static List<string> Shapes(List<TableEntity> rows, string article) =>
        rows.Where(row => row.GetString("Article") == article)
            .Select(Tables.Shape)
            .Order(StringComparer.Ordinal)
            .ToList();
}
