using System.Diagnostics;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The Azurite the local host starts itself: its data outlives the host, and the host outlives it.</summary>
public sealed class LocalHostStorageTests(ITestOutputHelper output) : IDisposable
{
    private const string Days = "from=2022-02-05&to=2022-02-07&limit=1000";

    private readonly string _location = Directory.CreateTempSubdirectory("ingestion-localhost-").FullName;

    public void Dispose() => Directory.Delete(_location, recursive: true);

    [Fact]
    public async Task Host_restart_keeps_every_article_and_event_and_uploads_no_sample_twice()
    {
        var storage = OwnEmulator();
        Dictionary<string, (string? ETag, int Attempts)> articles = [];
        var events = 0;
        await LocalHostFixture.RunAsync(storage, Settings(uploadSamples: true), configure: null, async host =>
        {
            foreach (var name in Directory.GetFiles(Articles.SamplesFolder).Select(Path.GetFileName))
            {
                var article = await host.WaitForArticleAsync(name!, TimeSpan.FromSeconds(60));
                articles[name!] = (article.BlobETag, article.Attempts);
            }

            events = (await host.GetEventsAsync(Days)).Events.Count;
            Assert.NotEqual(0, events);
        });

        var logs = new LogCapture();
        var stopwatch = Stopwatch.StartNew();
        await LocalHostFixture.RunAsync(storage, Settings(uploadSamples: true), builder => builder.Logging.AddProvider(logs), async host =>
        {
            output.WriteLine($"Host restarted on its saved data in {stopwatch.ElapsedMilliseconds} ms");
            Assert.Equal(events, (await host.GetEventsAsync(Days)).Events.Count);
            Assert.Contains(logs.Lines, line => line.Contains("Uploaded 0 sample articles", StringComparison.Ordinal));

            // The watcher's first sweep offers every blob again: the intake finds each version already processed.
            await Eventually.GetAsync(async () => await host.GetAsync<Core.Api.ArticlesResponse>("/api/articles?limit=100") is { } page && page.Articles.Count == articles.Count ? page : null, TimeSpan.FromSeconds(30), "the articles");
            foreach (var (name, (eTag, attempts)) in articles)
            {
                var article = await host.GetArticleAsync(name);
                Assert.Equal((ArticleStatus.Processed, eTag, attempts), (article!.Status, article.BlobETag, article.Attempts));
            }
        });
    }

    [Fact]
    public async Task Host_starts_its_Azurite_again_after_it_is_killed_and_carries_on()
    {
        await LocalHostFixture.RunAsync(OwnEmulator(), Settings(uploadSamples: false), configure: null, async host =>
        {
            await Articles.UploadAsync(host.Storage.Articles, "before.txt", Articles.Sample(Articles.Seed));
            var before = await host.WaitForArticleAsync("before.txt", TimeSpan.FromSeconds(60));
            // Azurite writes its databases a few seconds after a change; a kill loses what it has not written.
            var first = host.OwnAzurite.Current!;
            await WaitUntilSavedAsync();

            var stopwatch = Stopwatch.StartNew();
            await first.KillAsync();
            await Eventually.GetAsync(
                async () => host.OwnAzurite.Current is { HasExited: false } current && current != first && await Azurite.IsListeningAsync(current.TablePort, CancellationToken.None) ? current : null,
                TimeSpan.FromSeconds(30),
                "Azurite to be started again");
            output.WriteLine($"Azurite listening again {stopwatch.ElapsedMilliseconds} ms after it was killed");

            await Articles.UploadAsync(host.Storage.Articles, "after.txt", Articles.Sample(Articles.Seed));
            var after = await host.WaitForArticleAsync("after.txt", TimeSpan.FromSeconds(60));
            output.WriteLine($"An article uploaded after the restart processed {stopwatch.ElapsedMilliseconds} ms after the kill");
            Assert.Equal(before.EventCount, after.EventCount);
            Assert.Equal(ArticleStatus.Processed, (await host.GetArticleAsync("before.txt"))!.Status);
            var served = (await host.GetEventsAsync($"{Days}&article=before.txt")).Events.Count;
            Assert.NotEqual(0, served);
            Assert.Equal(served, (await host.GetEventsAsync($"{Days}&article=after.txt")).Events.Count);
        });
    }

    /// <summary>Waits until Azurite's table database file is newer than the last change (it saves every few seconds).</summary>
    private async Task WaitUntilSavedAsync()
    {
        var changedAt = DateTime.UtcNow;
        await Eventually.GetAsync(
            () => Task.FromResult(Directory.GetFiles(_location, "__azurite_db_table__.json").Select(File.GetLastWriteTimeUtc).FirstOrDefault() > changedAt ? _location : null),
            TimeSpan.FromSeconds(30),
            "Azurite to save its tables");
    }

    /// <summary>A connection to an emulator on free ports that nothing answers yet: the host starts its own there.</summary>
    private static TestStorage OwnEmulator() => new(Azurite.ConnectionStringFor(FreePorts.Next(), FreePorts.Next(), FreePorts.Next()));

    private Dictionary<string, string?> Settings(bool uploadSamples) => new()
    {
        ["LocalHost:StartAzurite"] = "true",
        ["LocalHost:AzuriteLocation"] = _location,
        ["LocalHost:UploadSamples"] = uploadSamples ? "true" : "false",
    };
}
