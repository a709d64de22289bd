using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Ingestion.Core;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.IntegrationTests;

/// <summary>The running local host fed bad files, transient faults and poison: every file ends with a row that says what happened.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LocalHostReliabilityTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> NoSamples = new() { ["LocalHost:UploadSamples"] = "false" };

    [Fact]
    public async Task Bad_files_dropped_beside_good_ones_fail_with_their_reasons_and_the_host_keeps_serving()
    {
        await LocalHostFixture.RunAsync(new TestStorage(azurite), new Dictionary<string, string?>(NoSamples) { [$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxArticleBytes)}"] = BadArticles.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) }, configure: null, async host =>
        {
            IReadOnlyList<Drop> batch = [.. BadArticles.Batch(), BadArticles.Oversized()];

            await Task.WhenAll(batch.Select(drop => host.Storage.Articles.GetBlobClient(drop.Name).UploadAsync(new BinaryData(drop.Content), new BlobUploadOptions())));

            foreach (var drop in batch)
            {
                var article = await host.WaitForArticleAsync(drop.Name, TimeSpan.FromSeconds(60));
                Assert.True(drop.Status == article.Status, $"{drop.Name}: {article.Status} ({article.Error})");
                if (drop.Status == ArticleStatus.Failed)
                {
                    Assert.Contains(drop.Reason, article.Error, StringComparison.Ordinal);
                    Assert.Equal(0, article.EventCount);
                }
                else
                {
                    Assert.True(article.EventCount > 0, $"{drop.Name}: no events");
                }
            }

            foreach (var drop in batch.Where(drop => drop.Status == ArticleStatus.Processed))
            {
                var served = await host.GetEventsAsync($"from=2024-03-01&to=2024-03-31&limit=10&coded=any&article={Uri.EscapeDataString(drop.Name)}");
                Assert.True(served.Events.Count > 0 && served.Events.All(e => e.Article.Name == drop.Name), $"{drop.Name}: {served.Events.Count} events served");
            }
        });
    }

    [Fact]
    public async Task Transient_failure_is_retried_and_a_persistent_one_ends_failed_in_the_poison_queue()
    {
        const int maxAttempts = 3;
        var logs = new LogCapture();
        await LocalHostFixture.RunAsync(
            new TestStorage(azurite),
            new Dictionary<string, string?>(NoSamples) { [$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxParseAttempts)}"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            builder =>
            {
                builder.Services.AddSingleton<IEventExtractor>(new ScriptedExtractor());
                builder.Logging.AddProvider(logs);
            },
            async host =>
            {
                await Articles.UploadAsync(host.Storage.Articles, "flaky.txt", $" date 2024-03-14 Officials met in Geneva on Tuesday. {ScriptedExtractor.FailsOnce}");
                await Articles.UploadAsync(host.Storage.Articles, "doomed.txt", $" date 2024-03-14 Officials met in Geneva on Tuesday. {ScriptedExtractor.AlwaysFails}");

                var flaky = await host.WaitForArticleAsync("flaky.txt", TimeSpan.FromSeconds(60));
                Assert.Equal(ArticleStatus.Processed, flaky.Status);
                // Retried once. The doomed article's storage failures make the watcher re-offer every blob, but an
                // offer of a version a parser holds is ignored, so no second parse joins the retry.
                Assert.Equal(2, flaky.Attempts);
                Assert.True(flaky.EventCount > 0);

                var doomed = await host.WaitForArticleAsync("doomed.txt", TimeSpan.FromSeconds(60));
                Assert.Equal(ArticleStatus.Failed, doomed.Status);
                Assert.Equal($"Gave up after {maxAttempts} attempts: Injected fault: the table service is unavailable.", doomed.Error?.Split('\n')[0]);

                var poison = host.Storage.QueueService.GetQueueClient(host.TestStorage.PoisonQueueName);
                var message = await Eventually.GetAsync(
                    async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync(10)).Value is { Length: > 0 } messages ? messages : null,
                    TimeSpan.FromSeconds(30),
                    "the poison message");
                var request = JsonSerializer.Deserialize<ParseRequest>(Assert.Single(message).Body.ToString(), IngestionJson.Options);
                Assert.Equal("doomed.txt", request!.BlobName);
                Assert.Contains(logs.Lines, line => line.Contains($"Article doomed.txt: attempt {maxAttempts} of {maxAttempts} failed", StringComparison.Ordinal));
                Assert.Contains(logs.Lines, line => line.Contains("Article doomed.txt: failed, Gave up after", StringComparison.Ordinal));
            });
    }
}
