using System.Globalization;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>An article past <see cref="IngestionOptions.MaxEventsPerArticle"/> is recorded as failed with none of its events left, against Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class EventLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Name = "over-limit.txt";
    private const int MaxEvents = 40;
    private const string Sentence = "The minister visited Paris on Monday.";

    private readonly TestStorage _storage = new(azurite);
    private CoreServices _core = null!;

    private StorageClients Storage => _core.Get<StorageClients>();

    public async Task InitializeAsync()
    {
        _storage.Settings[$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxEventsPerArticle)}"] = MaxEvents.ToString(CultureInfo.InvariantCulture);
        _storage.Settings[$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.SegmentChars)}"] = "2000";
        _core = await CoreServices.CreateAsync(_storage);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Theory]
    [InlineData(10, ArticleStatus.Processed)] // one segment, within the limit
    [InlineData(MaxEvents + 1, ArticleStatus.Failed)] // one segment
    [InlineData(300, ArticleStatus.Failed)] // past the limit several segments in, after earlier ones were written
    public async Task Text_article_past_the_limit_fails_and_leaves_no_events(int paragraphs, ArticleStatus expected)
    {
        var article = await ProcessAsync(Name, $" date 2023-05-10\n{Paragraphs(paragraphs, "\n\n")}");

        Assert.Equal(expected, article.Status);
        if (expected == ArticleStatus.Failed)
        {
            Assert.Contains($"more than {MaxEvents} events (setting Ingestion:MaxEventsPerArticle)", article.Error, StringComparison.Ordinal);
            Assert.Empty(await Tables.AllRowsAsync(Storage.EventsTable));
            Assert.Empty(await Tables.AllRowsAsync(Storage.EventIndexTable));
        }
        else
        {
            Assert.Equal(paragraphs, (await Tables.AllRowsAsync(Storage.EventsTable)).Count);
        }
    }

    [Fact]
    public async Task Json_article_past_the_limit_fails_and_leaves_no_events()
    {
        var article = await ProcessAsync("over-limit.json", $$"""{"published": "2023-05-10", "body": "{{Paragraphs(MaxEvents + 1, " ")}}"}""");

        Assert.Equal(ArticleStatus.Failed, article.Status);
        Assert.Contains("setting Ingestion:MaxEventsPerArticle", article.Error, StringComparison.Ordinal);
        Assert.Empty(await Tables.AllRowsAsync(Storage.EventsTable));
    }

    [Fact]
    public async Task New_version_past_the_limit_removes_the_previous_versions_events()
    {
        await ProcessAsync(Name, $" date 2023-05-10\n{Paragraphs(5, "\n\n")}");

        var article = await ProcessAsync(Name, $" date 2023-05-10\n{Paragraphs(MaxEvents + 1, "\n\n")}");

        Assert.Equal((ArticleStatus.Failed, 0), (article.Status, article.EventCount));
        Assert.Empty(await Tables.AllRowsAsync(Storage.EventsTable));
        Assert.Empty(await Tables.AllRowsAsync(Storage.EventIndexTable));
    }

    /// <summary>Paragraphs of one event each, numbered so no two sentences are the same.</summary>
    private static string Paragraphs(int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(i => $"Paragraph {i}: {Sentence}"));

    private async Task<ArticleRecord> ProcessAsync(string name, string content)
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, name, content);
        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(name, eTag), 1, CancellationToken.None);
        return (await _core.Get<ArticleRepository>().GetAsync(name, CancellationToken.None))!;
    }
}
