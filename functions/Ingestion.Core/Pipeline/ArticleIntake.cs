namespace Ingestion.Core.Pipeline;

/// <summary>First stage, behind the blob trigger: records a new blob as received and enqueues a parse request for it.</summary>
public sealed class ArticleIntake
{
    public Task ReceiveAsync(string blobName, CancellationToken cancellationToken) => throw new NotImplementedException();
}
