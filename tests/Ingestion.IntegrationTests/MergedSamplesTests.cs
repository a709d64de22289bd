using Ingestion.Core.Merging;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The sample articles through the pipeline on Azurite: every coded mention belongs to exactly one merged event, per day.</summary>
[Collection(AzuriteTests.Name)]
public sealed class MergedSamplesTests(AzuriteFixture azurite, ITestOutputHelper output) : CoreServicesTest(azurite)
{
    private static readonly EventQuery Everything = new(new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31), EventQuery.MaxLimit);

    [Fact]
    public async Task Each_coded_mention_of_the_samples_is_counted_in_exactly_one_merged_event()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleArticles).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var eTag = await Articles.UploadAsync(Storage.Articles, name, await File.ReadAllTextAsync(file));
            await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(name, eTag), 1, CancellationToken.None);
        }

        var summaries = Core.Get<EventSummaryService>();
        var mentions = await summaries.SummarizeAsync(Everything, SummaryGrouping.Day, 100, CancellationToken.None);
        var distinct = await summaries.SummarizeAsync(Everything with { Distinct = true }, SummaryGrouping.Day, 100, CancellationToken.None);
        var merged = (await Core.Get<MergedEventQueryService>().QueryAsync(Everything, CancellationToken.None)).Events;
        var coded = (await Core.Get<EventQueryService>().QueryAsync(Everything, CancellationToken.None)).Events;

        output.WriteLine("day        mentions  distinct");
        foreach (var day in mentions.Buckets)
        {
            output.WriteLine($"{day.Key}  {day.Count,8}  {distinct.Buckets.SingleOrDefault(bucket => bucket.Key == day.Key)?.Count ?? 0,8}");
        }

        output.WriteLine($"total      {mentions.Buckets.Sum(bucket => bucket.Count),8}  {distinct.Buckets.Sum(bucket => bucket.Count),8}");

        // Every coded mention names a merged event that counts it, and no merged event counts more than it has.
        Assert.All(coded, mention => Assert.NotNull(mention.MergedKey));
        Assert.Equal(coded.CountBy(mention => mention.MergedKey!).OrderBy(pair => pair.Key, StringComparer.Ordinal), merged.Select(e => new KeyValuePair<string, int>(e.Key, e.MentionCount)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(merged.Count, distinct.Buckets.Sum(bucket => bucket.Count));
        Assert.True(merged.Count < coded.Count, "some samples report one event more than once");
    }
}
