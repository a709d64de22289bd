namespace Ingestion.Core.Pipeline;

/// <summary>Second stage, behind the parse queue: reads the blob as a stream, extracts events and writes them.</summary>
public sealed class ArticleProcessor
{
    /// <param name="dequeueCount">How many times the queue has delivered this message; the last allowed attempt records the article as failed.</param>
    public Task ProcessAsync(ParseRequest request, long dequeueCount, CancellationToken cancellationToken) => throw new NotImplementedException();
}
