using Ingestion.Core.Storage;

namespace Ingestion.Core.Pipeline;

/// <summary>
/// Keeps a long parse's or deletion's lease on an article: extends it once a third of it has passed, or learns (412)
/// that another took the article over.
/// </summary>
internal sealed class LeaseKeeper(ArticleRepository articles, ArticleClaim claim, string blobName, TimeProvider time)
{
    private DateTimeOffset _extendedAt = time.GetUtcNow();

    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _extendedAt > ArticleProcessor.LeaseDuration / 3)
        {
            _extendedAt = time.GetUtcNow();
            await articles.ExtendLeaseAsync(claim, blobName, ArticleProcessor.LeaseDuration, cancellationToken);
        }
    }
}
