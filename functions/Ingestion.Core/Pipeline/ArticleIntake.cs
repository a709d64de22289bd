using System.Text.Json;
using Azure;
using Ingestion.Core.Diagnostics;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingestion.Core.Pipeline;

/// <summary>First stage, behind the blob trigger: records a new blob as received and enqueues a parse request for it.</summary>
public sealed class ArticleIntake(StorageClients storage, ArticleRepository articles, TimeProvider time, ILogger<ArticleIntake> logger)
{
    public async Task ReceiveAsync(string blobName, CancellationToken cancellationToken)
    {
        string eTag;
        try
        {
            var properties = await storage.Articles.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            eTag = properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            PipelineLog.ReceivedBlobMissing(logger, blobName);
            return;
        }

        if (await articles.GetAsync(blobName, cancellationToken) is { Status: ArticleStatus.Processed or ArticleStatus.Failed } known && known.ProcessedBlobETag == eTag)
        {
            // A repeated trigger for a version already parsed: nothing to do.
            PipelineLog.Duplicate(logger, blobName, eTag);
            return;
        }

        await articles.RecordReceivedAsync(blobName, eTag, cancellationToken);
        var request = new ParseRequest(blobName, eTag, time.GetUtcNow());
        await storage.ParseQueue.SendMessageAsync(JsonSerializer.Serialize(request, IngestionJson.Options), cancellationToken);
        PipelineLog.Received(logger, blobName, eTag);
    }
}
