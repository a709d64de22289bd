using System.Text.RegularExpressions;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Cli.Tests;

public sealed class StatusCommandTests(AzuriteFixture azurite) : StorageTest(azurite)
{

    [Fact]
    public async Task Status_counts_articles_by_status_events_per_day_and_lists_failed_reasons()
    {
        var storage = Storage;
        var processor = Core.Get<ArticleProcessor>();
        var good = await Articles.UploadAsync(storage.Articles, Articles.Seed, Articles.Sample(Articles.Seed));
        await processor.ProcessAsync(new ParseRequest(Articles.Seed, good), 1, CancellationToken.None);
        var broken = await Articles.UploadAsync(storage.Articles, "broken.txt", " date 2022-02-30 A body.");
        await processor.ProcessAsync(new ParseRequest("broken.txt", broken), 1, CancellationToken.None);
        await Articles.UploadAsync(storage.Articles, "waiting.txt", " date 2022-02-06 A body.");
        await Core.Get<ArticleIntake>().ReceiveAsync("waiting.txt", CancellationToken.None);
        var retracted = await Articles.UploadAsync(storage.Articles, "retracted.txt", " date 2022-02-06 Macron met Scholz in Berlin on Friday.");
        await processor.ProcessAsync(new ParseRequest("retracted.txt", retracted), 1, CancellationToken.None);
        await storage.Articles.DeleteBlobAsync("retracted.txt");
        await Core.Get<ArticleDeletion>().DeleteAsync("retracted.txt", CancellationToken.None);
        var onSixth = (await Core.Get<EventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 2, 6), new DateOnly(2022, 2, 6), 1000), CancellationToken.None)).Events.Count;

        var run = await RunAsync("status", "--until", "2022-02-07", "--days", "7");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(Row("Received", "1"), run.Console);
        Assert.Matches(Row("Processed", "1"), run.Console);
        Assert.Matches(Row("Failed", "1"), run.Console);
        Assert.Matches(Row("Deleted", "1"), run.Console);
        Assert.Matches(Row("2022-02-06", onSixth.ToString(System.Globalization.CultureInfo.InvariantCulture)), run.Console);
        Assert.Contains("broken.txt", run.Console, StringComparison.Ordinal);
        Assert.Contains("2022-02-30", run.Console, StringComparison.Ordinal);
        Assert.Contains("Health: healthy; parse queue 1 (oldest ", run.Console, StringComparison.Ordinal);
    }

    /// <summary>A table row with these two cells, whatever the border characters.</summary>
    private static Regex Row(string first, string second) => new($@"\W{Regex.Escape(first)}\s*\W\s*{Regex.Escape(second)}\s*\W");
}
