namespace Ingestion.Core.Storage;

/// <summary>
/// Everything an article contributed to the tables, removed in one place: by a deletion, and by a parse that finds
/// the article unreadable or replaces a long one by delete-then-write. Whatever else comes to hold an article's
/// contributions (its actors' counts, merged events' mentions) is removed here too, so nothing is left behind.
/// </summary>
public sealed class ArticleContributions(EventWriter eventWriter)
{
    /// <summary>
    /// Removes the article's events, their index copies and its share of the per-day counts (all named by its
    /// listing), its contributions to actors and its shares of merged events.
    /// </summary>
    /// <param name="afterPage">Called after each page of rows removed, so a long removal can keep the article's lease.</param>
    /// <returns>The number of rows deleted.</returns>
    public Task<int> RemoveAsync(string articleKey, Func<CancellationToken, Task> afterPage, CancellationToken cancellationToken) =>
        eventWriter.DeleteArticleEventsAsync(articleKey, afterPage, cancellationToken);
}
