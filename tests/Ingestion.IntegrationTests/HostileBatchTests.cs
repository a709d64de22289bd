using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Issue 15's batch: the 10 MB pathological file, every bad and awkward file we know, and one real article dropped at
/// once on the local host with its default limits, against an Azurite of its own so its memory and life are this test's.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class HostileBatchTests(ITestOutputHelper output)
{
    private const string Good = "good/reference.txt";
    private static readonly TimeSpan AccountedWithin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StatusReadWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_file_is_accounted_for_while_status_reads_stay_fast_and_both_processes_keep_running()
    {
        await using var azurite = await AzuriteFixture.StartAsync(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), location: null);
        IReadOnlyList<Drop> batch = [BadArticles.Pathological(), .. BadArticles.Batch(), Drop.Good(Good, Articles.Sample(Articles.Seed))];
        await LocalHostFixture.RunAsync(new TestStorage(azurite.ConnectionString), new Dictionary<string, string?> { ["LocalHost:UploadSamples"] = "false" }, configure: null, async host =>
        {
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(batch.Select(drop => host.Storage.Articles.GetBlobClient(drop.Name).UploadAsync(new BinaryData(drop.Content), new BlobUploadOptions())));

            // Every file's status is read in turn, each read bounded, until every file is processed or failed.
            var pending = batch.ToDictionary(drop => drop.Name);
            var slowest = TimeSpan.Zero;
            var reads = 0;
            while (pending.Count > 0)
            {
                Assert.True(stopwatch.Elapsed < AccountedWithin, $"Not accounted for after {AccountedWithin.TotalMinutes} min: {string.Join(", ", pending.Keys)}");
                foreach (var drop in pending.Values.ToList())
                {
                    var (article, took) = await ReadStatusAsync(host, drop.Name);
                    (slowest, reads) = (took > slowest ? took : slowest, reads + 1);
                    if (article is { Status: ArticleStatus.Processed or ArticleStatus.Failed })
                    {
                        Assert.True(drop.Status == article.Status, $"{drop.Name}: {article.Status} ({article.Error})");
                        Assert.Contains(drop.Reason, article.Error ?? string.Empty, StringComparison.Ordinal);
                        pending.Remove(drop.Name);
                    }
                }
            }

            output.WriteLine($"{batch.Count} files accounted for in {stopwatch.Elapsed.TotalSeconds:0.0} s; slowest of {reads} status reads {slowest.TotalMilliseconds:0} ms.");
            var served = await host.GetEventsAsync($"from=2022-02-01&to=2022-02-28&limit=1000&article={Uri.EscapeDataString(Good)}");
            Assert.True(served.Events.Count > 10 && served.Events.All(e => e.Article.Name == Good), $"{served.Events.Count} events of the reference article served");
            using var health = await host.Http.GetAsync("/api/health");
            Assert.True(health.StatusCode == System.Net.HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host is stopping");
            Assert.False(Process.GetProcessById(azurite.ProcessId).HasExited, "Azurite exited");
        });
    }

    /// <summary>One status read, failing the test if it takes longer than <see cref="StatusReadWithin"/>.</summary>
    private static async Task<(ArticleRecord? Article, TimeSpan Took)> ReadStatusAsync(LocalHostFixture host, string name)
    {
        using var timeout = new CancellationTokenSource(StatusReadWithin);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var article = await host.GetArticleAsync(name, timeout.Token);
            return (article, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Reading the status of '{name}' took over {StatusReadWithin.TotalSeconds:0} s.");
        }
    }
}
