using System.Text.Json;
using Azure;
using Ingestion.Core.Diagnostics;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingestion.Core.Pipeline;

/// <summary>First stage, behind the blob trigger: records a new blob as received and enqueues a parse request for it.</summary>
public sealed class ArticleIntake(StorageClients storage, ArticleRepository articles, TimeProvider time, ILogger<ArticleIntake> logger)
{
    private const int MaxRowChanges = 10;

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

        // The row is written only as it was read: a parser that claims the article in between makes us look again.
        for (var attempt = 1; ; attempt++)
        {
            var known = await articles.GetAsync(blobName, cancellationToken);
            if (known is { Status: ArticleStatus.Processed or ArticleStatus.Failed } && known.ProcessedBlobETag == eTag)
            {
                // A repeated trigger, or the local watcher's periodic offer, for a version already parsed: nothing to do.
                PipelineLog.AlreadyProcessedOffer(logger, blobName, eTag);
                return;
            }

            if (known is { Status: ArticleStatus.Processing } && known.BlobETag == eTag && known.LeaseUntil > time.GetUtcNow())
            {
                // A parser holds this very version. Writing "received" over its row would let another request claim the
                // article beside it, and restart a long article at every offer. If the parser fails it releases the row,
                // or its lease runs out within a minute; the next offer, or the sweeper, then queues the article again.
                PipelineLog.BeingParsed(logger, blobName, eTag);
                return;
            }

            if (await articles.TryRecordReceivedAsync(blobName, eTag, known, cancellationToken))
            {
                break;
            }

            if (attempt == MaxRowChanges)
            {
                throw new InvalidOperationException($"The Articles row of '{blobName}' changed {MaxRowChanges} times while it was being recorded; the trigger retries it.");
            }
        }

        var request = new ParseRequest(blobName, eTag, time.GetUtcNow());
        await storage.ParseQueue.SendMessageAsync(JsonSerializer.Serialize(request, IngestionJson.Options), cancellationToken);
        PipelineLog.Received(logger, blobName, eTag);
    }
}
