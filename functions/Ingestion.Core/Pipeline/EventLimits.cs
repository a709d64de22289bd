using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Pipeline;

/// <summary>
/// Caps on what one article may yield, checked on each segment's events before any of them is written: a file that
/// yields far more events than news does (a sentence pasted a thousand times, a log, a table) is refused as a whole
/// instead of filling the tables with junk rows.
/// </summary>
internal static class EventLimits
{
    /// <summary>Throws <see cref="ArticleFormatException"/> naming the setting when a segment's events take the article past a limit.</summary>
    /// <param name="events">The segment's events, in text order.</param>
    /// <param name="before">Events of the article's earlier segments.</param>
    public static void Check(IReadOnlyList<ExtractedEvent> events, int before, IngestionOptions options)
    {
        var total = before + events.Count;
        if (total > options.MaxEventsPerArticle)
        {
            throw new ArticleFormatException(
                $"The article yields more than {options.MaxEventsPerArticle} events (setting {IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxEventsPerArticle)}); news articles have a few hundred at most, so it was not processed.");
        }

        // Events of one sentence come together and quote it; a run of the same sentence is counted as one.
        var run = 0;
        for (var i = 0; i < events.Count; i++)
        {
            run = i > 0 && string.Equals(events[i].Sentence, events[i - 1].Sentence, StringComparison.Ordinal) ? run + 1 : 1;
            if (run > options.MaxEventsPerSentence)
            {
                var sentence = events[i].Sentence;
                throw new ArticleFormatException(
                    $"A sentence yields more than {options.MaxEventsPerSentence} events (setting {IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxEventsPerSentence)}): '{(sentence.Length <= 60 ? sentence : string.Concat(sentence.AsSpan(0, 60), "…"))}'.");
            }
        }
    }
}
