using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Azure.WebJobs;

namespace Ingestion.LocalHost;

/// <summary>
/// The parse stage on the WebJobs SDK queue trigger, the same Core call the Functions app makes: retries with the
/// dequeue count, and the poison queue after the last attempt.
/// </summary>
public sealed class LocalTriggers(ArticleProcessor processor, ArticleWatcher watcher)
{
    [FunctionName("ParseArticle")]
    public async Task ParseArticleAsync([QueueTrigger("%Ingestion:ParseQueueName%")] ParseRequest request, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(request, dequeueCount, cancellationToken);
        }
        catch (Exception ex) when (StorageFailure.IsStorageFailure(ex))
        {
            // If storage is down the queue cannot take this message back either: it stays invisible for the
            // listener's visibility timeout (10 minutes). The watcher re-offers every blob, and the intake re-queues
            // those not yet parsed.
            watcher.OfferAllAgain();
            throw;
        }
    }
}
