using Ingestion.Core;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Tests.Extraction;

namespace Ingestion.Tests.Pipeline;

/// <summary>The caps on events per article and per sentence, against the real extractor's output.</summary>
public sealed class EventLimitsTests
{
    private static readonly DateOnly Published = new(2022, 2, 6);
    private static readonly string[] Cities = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Warsaw", "Prague", "Lisbon"];

    [Fact]
    public void Events_within_both_limits_pass()
    {
        var events = Extract(DistinctSentences(8));

        EventLimits.Check(events, before: 0, new IngestionOptions { MaxEventsPerArticle = events.Count, MaxEventsPerSentence = 1 });
    }

    [Fact]
    public void Events_past_the_article_limit_are_refused_naming_the_setting()
    {
        var events = Extract(DistinctSentences(8));

        var error = Assert.Throws<ArticleFormatException>(() => EventLimits.Check(events, before: 0, new IngestionOptions { MaxEventsPerArticle = events.Count - 1 }));

        Assert.Contains($"more than {events.Count - 1} events (setting Ingestion:MaxEventsPerArticle)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Earlier_segments_count_towards_the_article_limit()
    {
        var events = Extract(DistinctSentences(8));

        Assert.Throws<ArticleFormatException>(() => EventLimits.Check(events, before: 100, new IngestionOptions { MaxEventsPerArticle = 100 + events.Count - 1 }));
        EventLimits.Check(events, before: 100, new IngestionOptions { MaxEventsPerArticle = 100 + events.Count });
    }

    [Fact]
    public void A_sentence_past_the_sentence_limit_is_refused_quoting_it()
    {
        // One sentence (no full stop) with a trigger per clause.
        var events = Extract(string.Concat(Enumerable.Repeat("Macron met Scholz in Berlin on Friday and ", 12)) + "they talked.");

        var error = Assert.Throws<ArticleFormatException>(() => EventLimits.Check(events, before: 0, new IngestionOptions { MaxEventsPerSentence = 10 }));

        Assert.True(events.Count > 10, "the sentence yields more than ten events");
        Assert.Contains("more than 10 events (setting Ingestion:MaxEventsPerSentence): 'Macron met Scholz in Berlin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_leave_real_news_far_below_the_limits()
    {
        var defaults = new IngestionOptions();
        var reader = new ArticleReader(TimeProvider.System);
        var files = Directory.GetFiles(RepositoryPaths.SampleArticles)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.EvalData, "articles")))
            .Where(file => Path.GetExtension(file) is ".txt" or ".json")
            .ToList();
        var (mostPerArticle, mostPerSentence) = (0, 0);
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            var article = await reader.ReadAsync(content, new ArticleBlobInfo(Path.GetFileName(file), null, DateTimeOffset.UtcNow), CancellationToken.None);
            var events = RuleBasedEventExtractor.Shared.Extract(article.Body, article.PublishedOn).Events;
            mostPerArticle = Math.Max(mostPerArticle, events.Count);
            mostPerSentence = Math.Max(mostPerSentence, events.CountBy(e => e.Sentence).Select(pair => pair.Value).DefaultIfEmpty().Max());
            EventLimits.Check(events, before: 0, defaults);
        }

        Assert.True(files.Count > 100, "the samples and the evaluation articles are all read");
        Assert.InRange(mostPerArticle * 10, 1, defaults.MaxEventsPerArticle);
        Assert.InRange(mostPerSentence * 3, 1, defaults.MaxEventsPerSentence);
    }

    private static List<ExtractedEvent> Extract(string text) => [.. RuleBasedEventExtractor.Shared.Extract(text, Published).Events];

    private static string DistinctSentences(int count) =>
        string.Join(" ", Enumerable.Range(0, count).Select(i => $"Macron met Scholz in {Cities[i % Cities.Length]} on Friday."));
}
