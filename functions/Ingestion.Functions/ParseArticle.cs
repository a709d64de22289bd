using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>Parses one article per parse request; the dequeue count lets Core record the article as failed on the last attempt.</summary>
public sealed class ParseArticle(ArticleProcessor processor)
{
    [Function(nameof(ParseArticle))]
    public Task RunAsync(
        [QueueTrigger("%" + IngestionSettingNames.ParseQueueName + "%", Connection = IngestionSettingNames.StorageConnection)] ParseRequest request,
        long dequeueCount,
        CancellationToken cancellationToken)
        => processor.ProcessAsync(request, dequeueCount, cancellationToken);
}
