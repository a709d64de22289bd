using Azure.Storage.Blobs;
using Ingestion.Core.Pipeline;
using Microsoft.Azure.WebJobs;

namespace Ingestion.LocalHost;

/// <summary>The pipeline's two triggers on the WebJobs SDK: the same Core calls the Functions app makes.</summary>
public sealed class LocalTriggers(ArticleIntake intake, ArticleProcessor processor)
{
    // Polling source: the WebJobs blob listener scans the container, so a file dropped into Azurite is picked up.
    [FunctionName("ReceiveArticle")]
    public Task ReceiveArticleAsync([BlobTrigger("%Ingestion:ContainerName%/{name}")] BlobClient blob, string name, CancellationToken cancellationToken) =>
        intake.ReceiveAsync(name, cancellationToken);

    [FunctionName("ParseArticle")]
    public Task ParseArticleAsync([QueueTrigger("%Ingestion:ParseQueueName%")] ParseRequest request, long dequeueCount, CancellationToken cancellationToken) =>
        processor.ProcessAsync(request, dequeueCount, cancellationToken);
}
