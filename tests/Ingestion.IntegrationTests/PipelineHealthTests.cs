using System.Diagnostics;
using Azure.Data.Tables;
using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ingestion.IntegrationTests;

/// <summary><c>GET /api/health</c> against Azurite: healthy when idle, 503 naming each problem otherwise.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PipelineHealthTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    [Fact]
    public async Task Idle_pipeline_is_healthy()
    {
        var result = await IngestionApi.GetHealthAsync(Core.Get<PipelineHealth>(), CancellationToken.None);

        var report = Assert.IsType<Ok<HealthReport>>(result.Result).Value!;
        Assert.Equal((true, true, 0, 0, (int?)null), (report.Healthy, report.StorageAnswers, report.ParseQueueLength, report.PoisonQueueLength, report.StalledArticles));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Parse_request_waiting_longer_than_the_stall_threshold_is_a_problem()
    {
        await Storage.ParseQueue.SendMessageAsync("{}");
        var options = Core.Get<IOptions<IngestionOptions>>();
        var later = new Later(options.Value.StalledAfter + TimeSpan.FromMinutes(1));

        var report = await new PipelineHealth(Storage, later, options).CheckAsync(CancellationToken.None);

        Assert.False(report.Healthy);
        Assert.Equal(1, report.ParseQueueLength);
        Assert.True(report.OldestMessageAgeSeconds > options.Value.StalledAfter.TotalSeconds);
        Assert.Contains(report.Problems, problem => problem.StartsWith("The oldest parse request has waited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poison_messages_make_the_route_answer_503()
    {
        var poison = Storage.QueueService.GetQueueClient(PipelineHealth.PoisonQueueName(Core.Get<IOptions<IngestionOptions>>().Value));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{}");

        var result = await IngestionApi.GetHealthAsync(Core.Get<PipelineHealth>(), CancellationToken.None);

        var unhealthy = Assert.IsType<JsonHttpResult<HealthReport>>(result.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal(1, unhealthy.Value!.PoisonQueueLength);
        Assert.Contains(unhealthy.Value.Problems, problem => problem.StartsWith("1 parse requests are in the poison queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Articles_the_last_sweep_found_stalled_are_counted_without_a_table_scan()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, "lost.txt", Articles.Sample(Articles.Seed));
        await Storage.ArticlesTable.UpsertEntityAsync(new TableEntity(TableKeys.ArticleKey("lost.txt"), TableKeys.ArticleRowKey)
        {
            ["Name"] = "lost.txt",
            ["Status"] = nameof(ArticleStatus.Received),
            ["BlobETag"] = eTag,
            ["ReceivedAt"] = DateTimeOffset.UtcNow.AddHours(-1),
            ["Attempts"] = 0,
        });

        await Core.Get<StalledArticleSweeper>().SweepAsync(CancellationToken.None);
        var report = await Core.Get<PipelineHealth>().CheckAsync(CancellationToken.None);

        Assert.Equal(1, report.StalledArticles);
        Assert.NotNull(report.StalledCheckedAt);
        Assert.Contains(report.Problems, problem => problem.StartsWith("1 articles were stalled at the last sweep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_reported_quickly()
    {
        var nowhere = new TestStorage($"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint=http://127.0.0.1:{FreePorts.Next()}/{Azurite.AccountName};QueueEndpoint=http://127.0.0.1:{FreePorts.Next()}/{Azurite.AccountName};TableEndpoint=http://127.0.0.1:{FreePorts.Next()}/{Azurite.AccountName};");
        var storage = new StorageClients(nowhere.Configuration, Options.Create(new IngestionOptions()));
        var stopwatch = Stopwatch.StartNew();

        var report = await new PipelineHealth(storage, TimeProvider.System, Options.Create(new IngestionOptions())).CheckAsync(CancellationToken.None);

        Assert.Equal((false, false), (report.Healthy, report.StorageAnswers));
        Assert.StartsWith("Storage does not answer", Assert.Single(report.Problems), StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, PipelineHealth.StorageTimeout + TimeSpan.FromSeconds(5));
    }

    private sealed class Later(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + ahead;
    }
}
