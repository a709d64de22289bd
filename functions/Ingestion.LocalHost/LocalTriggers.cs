using Ingestion.Core.Pipeline;
using Microsoft.Azure.WebJobs;

namespace Ingestion.LocalHost;

/// <summary>
/// The parse stage on the WebJobs SDK queue trigger, the same Core call the Functions app makes: retries with the
/// dequeue count, and the poison queue after the last attempt.
/// </summary>
public sealed class LocalTriggers(ArticleProcessor processor)
{
    [FunctionName("ParseArticle")]
    public Task ParseArticleAsync([QueueTrigger("%Ingestion:ParseQueueName%")] ParseRequest request, long dequeueCount, CancellationToken cancellationToken) =>
        processor.ProcessAsync(request, dequeueCount, cancellationToken);
}
