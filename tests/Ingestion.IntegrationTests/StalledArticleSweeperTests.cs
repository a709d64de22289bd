using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>The sweeper against Azurite: only articles that stalled are offered again, and they then get processed.</summary>
[Collection(AzuriteTests.Name)]
public sealed class StalledArticleSweeperTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task Offers_again_only_articles_waiting_or_leased_past_the_threshold_and_they_are_then_processed()
    {
        await RowAsync("lost-message.txt", ArticleStatus.Received, receivedAt: LongAgo, leaseUntil: null);
        await RowAsync("dead-parser.txt", ArticleStatus.Processing, receivedAt: LongAgo, leaseUntil: LongAgo);
        await RowAsync("just-arrived.txt", ArticleStatus.Received, receivedAt: DateTimeOffset.UtcNow, leaseUntil: null);
        await RowAsync("being-parsed.txt", ArticleStatus.Processing, receivedAt: LongAgo, leaseUntil: DateTimeOffset.UtcNow.AddMinutes(2));
        await RowAsync("done.txt", ArticleStatus.Processed, receivedAt: LongAgo, leaseUntil: LongAgo);

        var offered = await Core.Get<StalledArticleSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(2, offered);
        var messages = (await Storage.ParseQueue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        var requests = messages.Select(message => JsonSerializer.Deserialize<ParseRequest>(message.Body.ToString(), IngestionJson.Options)!).ToList();
        Assert.Equal(["dead-parser.txt", "lost-message.txt"], requests.Select(request => request.BlobName).Order(StringComparer.Ordinal));

        // What the queue trigger then does with them: the stalled articles end up processed.
        foreach (var request in requests)
        {
            await Core.Get<ArticleProcessor>().ProcessAsync(request, 1, CancellationToken.None);
            var article = await Core.Get<ArticleRepository>().GetAsync(request.BlobName, CancellationToken.None);
            Assert.Equal(ArticleStatus.Processed, article!.Status);
            Assert.True(article.EventCount > 0);
        }

        Assert.Equal(0, await Core.Get<StalledArticleSweeper>().SweepAsync(CancellationToken.None));
    }

    /// <summary>A blob and its Articles row as the pipeline would have left them at some point in the past.</summary>
    private async Task RowAsync(string name, ArticleStatus status, DateTimeOffset receivedAt, DateTimeOffset? leaseUntil)
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, name, Articles.Sample(Articles.Seed));
        await Storage.ArticlesTable.UpsertEntityAsync(new TableEntity(TableKeys.ArticleKey(name), TableKeys.ArticleRowKey)
        {
            ["Name"] = name,
            ["Status"] = status.ToString(),
            ["BlobETag"] = eTag,
            ["ProcessedBlobETag"] = status == ArticleStatus.Processed ? eTag : null,
            ["ReceivedAt"] = receivedAt,
            ["LeaseUntil"] = leaseUntil,
            ["Attempts"] = status == ArticleStatus.Received ? 0 : 1,
        });
    }
}
