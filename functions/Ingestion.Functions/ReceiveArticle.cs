using Azure.Storage.Blobs;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>
/// Records a new article blob and enqueues its parse request. Event Grid delivers BlobCreated within seconds and
/// without container scans. The trigger binds a <see cref="BlobClient"/>, which reads nothing: the content is read
/// later by <see cref="ParseArticle"/>, so a slow parse never holds the trigger.
/// </summary>
public sealed class ReceiveArticle(ArticleIntake intake)
{
    [Function(nameof(ReceiveArticle))]
    public Task RunAsync(
        [BlobTrigger("%" + IngestionSettingNames.ContainerName + "%/{name}", Source = BlobTriggerSource.EventGrid, Connection = IngestionSettingNames.StorageConnection)] BlobClient blob,
        CancellationToken cancellationToken)
        => intake.ReceiveAsync(blob.Name, cancellationToken);
}
