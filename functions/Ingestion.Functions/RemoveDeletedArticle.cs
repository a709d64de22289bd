using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>
/// Removes a deleted article's events. Event Grid delivers the container's BlobDeleted events to a storage queue (no
/// webhook key to wire up, and the queue retries a deletion that meets a running parse, then keeps it in its poison
/// queue); the message is the event's JSON.
/// </summary>
public sealed class RemoveDeletedArticle(ArticleDeletion deletion)
{
    [Function(nameof(RemoveDeletedArticle))]
    public Task RunAsync(
        [QueueTrigger("%" + IngestionSettingNames.DeletedQueueName + "%", Connection = IngestionSettingNames.StorageConnection)] string message,
        CancellationToken cancellationToken)
        => deletion.DeleteNotifiedAsync(message, cancellationToken);
}
