using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Articles;
using Ingestion.Core.Diagnostics;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Pipeline;

/// <summary>Second stage, behind the parse queue: reads the blob as a stream, extracts events and writes them.</summary>
public sealed class ArticleProcessor(
    StorageClients storage,
    ArticleRepository articles,
    EventWriter eventWriter,
    ArticleContributions contributions,
    ArticleReader reader,
    IEventExtractor extractor,
    IngestionTelemetry telemetry,
    TimeProvider time,
    IOptions<IngestionOptions> options,
    ILogger<ArticleProcessor> logger)
{
    /// <summary>
    /// Long enough for an ordinary article's whole parse, short enough that a parser that died (or could not give the
    /// lease back during a storage outage) holds the article only briefly; a long article extends it as it goes.
    /// </summary>
    internal static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(45);

    /// <summary>A long article's events are written this many at a time (each with its index copies).</summary>
    private const int EventsPerWrite = 500;

    /// <param name="dequeueCount">How many times the queue has delivered this message; the last allowed attempt records the article as failed.</param>
    public Task ProcessAsync(ParseRequest request, long dequeueCount, CancellationToken cancellationToken) =>
        ProcessAsync(request, dequeueCount, reprocess: false, cancellationToken);

    /// <summary>
    /// Parses a blob version again even if this extractor version already processed it, replacing its events (the
    /// command line's reprocess). No queue retries it, so a failure is recorded on the row at once and rethrown.
    /// </summary>
    /// <returns><see cref="ArticleClaimOutcome.Claimed"/> when it ran; <see cref="ArticleClaimOutcome.Busy"/> when a parser holds this version.</returns>
    /// <exception cref="ArticleBusyException">A parser holds the article for another version.</exception>
    public Task<ArticleClaimOutcome> ReprocessAsync(ParseRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(request, dequeueCount: 1, reprocess: true, cancellationToken);

    private async Task<ArticleClaimOutcome> ProcessAsync(ParseRequest request, long dequeueCount, bool reprocess, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.ActivitySource.StartActivity("ProcessArticle");
        activity?.SetTag("ingestion.blob", request.BlobName);
        var stopwatch = Stopwatch.StartNew();
        if (request.EnqueuedAt is { } enqueuedAt)
        {
            telemetry.QueueAge.Record((time.GetUtcNow() - enqueuedAt).TotalMilliseconds);
        }

        var claim = await articles.ClaimAsync(request.BlobName, request.ETag, extractor.Version, LeaseDuration, reprocess, cancellationToken);
        switch (claim.Outcome)
        {
            case ArticleClaimOutcome.AlreadyDone:
                PipelineLog.Duplicate(logger, request.BlobName, request.ETag);
                return claim.Outcome;
            case ArticleClaimOutcome.Busy when claim.Previous is { Status: ArticleStatus.Processing } && claim.Previous.BlobETag == request.ETag:
                // A concurrent delivery of the same version: the holder writes the same rows. (A re-upload recorded
                // while a deletion holds the article is "received": it is retried once the deletion is over.)
                PipelineLog.Duplicate(logger, request.BlobName, request.ETag);
                return claim.Outcome;
            case ArticleClaimOutcome.Busy:
                // Another version is being parsed; the queue redelivers this one after its visibility timeout.
                PipelineLog.Busy(logger, request.BlobName, dequeueCount);
                throw new ArticleBusyException(request.BlobName);
        }

        try
        {
            await ParseAndWriteAsync(request, claim, stopwatch, cancellationToken);
        }
        catch (StaleBlobException)
        {
            PipelineLog.Stale(logger, request.BlobName, request.ETag);
            await articles.ReleaseAsync(claim, request.BlobName, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // A stopped host or a Ctrl+C: give the lease back so the next run need not wait for it to expire.
            await articles.ReleaseAsync(claim, request.BlobName, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            var maxAttempts = options.Value.MaxParseAttempts;
            PipelineLog.AttemptFailed(logger, ex, request.BlobName, dequeueCount, maxAttempts);
            if (reprocess || dequeueCount >= maxAttempts)
            {
                // No further attempt follows (the queue moves the message to its poison queue, or the re-run was
                // by hand): the row says why, so nothing is silently dropped.
                var reason = reprocess ? $"Reprocessing failed: {ex.Message}" : $"Gave up after {dequeueCount} attempts: {ex.Message}";
                await RecordFailureAsync(request, claim, reason, stopwatch, CancellationToken.None);
            }
            else
            {
                await articles.ReleaseAsync(claim, request.BlobName, CancellationToken.None);
            }

            throw;
        }

        return claim.Outcome;
    }

    private async Task ParseAndWriteAsync(ParseRequest request, ArticleClaim claim, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var articleKey = TableKeys.ArticleKey(request.BlobName);
        // The intake's row with no attempt on it: rows are only ever written under a claim, so there are none yet.
        var firstWrite = claim.Previous is { Attempts: 0 };
        var lease = new LeaseKeeper(articles, claim, request.BlobName, time);
        ArticleWritten result;
        try
        {
            using var download = await DownloadAsync(request, cancellationToken);
            download.Details.Metadata.TryGetValue(ArticleBlobInfo.PublishedMetadataKey, out var published);
            var blob = new ArticleBlobInfo(request.BlobName, published, download.Details.CreatedOn);
            await using var segments = reader.ReadSegmentsAsync(download.Content, blob, options.Value.SegmentChars, cancellationToken).GetAsyncEnumerator(cancellationToken);
            result = await WriteSegmentsAsync(lease, articleKey, firstWrite, segments, cancellationToken);
        }
        catch (ArticleFormatException ex)
        {
            // The new version is unreadable or over a limit: its predecessor's events no longer describe the blob, and segments of
            // it read before the error may have been written. The listing says what there is, if anything.
            await contributions.RemoveAsync(articleKey, lease.KeepAsync, cancellationToken);

            await RecordFailureAsync(request, claim, ex.Message, stopwatch, cancellationToken);
            return;
        }

        var article = result.Article;
        await articles.CompleteAsync(
            claim,
            Outcome(request, claim, ArticleStatus.Processed, error: null) with
            {
                ContentHash = result.ContentHash,
                Published = article.PublishedOn.ToString(TableKeys.DateFormat, CultureInfo.InvariantCulture),
                PublishedSource = article.PublishedOnSource,
                Title = article.Title,
                EventCount = result.Written,
            },
            cancellationToken);
        telemetry.ArticlesProcessed.Add(1);
        telemetry.EventsWritten.Add(result.Written);
        PipelineLog.Processed(logger, request.BlobName, "processed", result.Written, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// Extracts and writes the article segment by segment, numbering events across segments. One segment (every
    /// ordinary article) replaces the previous rows in place. A longer article's rows are deleted first, then each
    /// segment's events are written a part at a time as it is extracted, so memory holds one segment's text ahead and
    /// one part's rows, whatever the article's length.
    /// </summary>
    private async Task<ArticleWritten> WriteSegmentsAsync(
        LeaseKeeper lease, string articleKey, bool firstWrite, IAsyncEnumerator<Article> segments, CancellationToken cancellationToken)
    {
        // The reader yields at least one segment or throws.
        await segments.MoveNextAsync();
        var article = segments.Current;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{article.PublishedOn:yyyy-MM-dd}\n{article.Title}\n"));
        var extraction = TimeSpan.Zero;
        var isLast = !await segments.MoveNextAsync();
        if (isLast)
        {
            AppendToHash(hash, article.Body);
            var rows = Extract(article, articleKey, firstIndex: 0, ref extraction, cancellationToken).ToList();
            var (written, _) = await eventWriter.ReplaceArticleEventsAsync(articleKey, rows, firstWrite, cancellationToken);
            telemetry.ExtractionDuration.Record(extraction.TotalMilliseconds);
            return new ArticleWritten(article, written, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }

        if (!firstWrite)
        {
            // Delete-then-write: the old events are missing until the new ones are written (see EventWriter).
            await contributions.RemoveAsync(articleKey, lease.KeepAsync, cancellationToken);
        }

        var counts = new DailyEventCounts(articleKey);
        var count = 0;
        for (var segment = article; ; segment = segments.Current, isLast = !await segments.MoveNextAsync())
        {
            AppendToHash(hash, segment.Body);
            foreach (var part in Extract(segment, articleKey, count, ref extraction, cancellationToken).Chunk(EventsPerWrite))
            {
                count += await eventWriter.AppendEventsAsync(articleKey, part, counts, cancellationToken);
                await lease.KeepAsync(cancellationToken);
            }

            if (isLast)
            {
                break;
            }
        }

        await eventWriter.WriteCountsAsync(articleKey, counts, cancellationToken);
        telemetry.ExtractionDuration.Record(extraction.TotalMilliseconds);
        return new ArticleWritten(article, count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A segment's events as rows, numbered from <paramref name="firstIndex"/>; refused before any is written when they pass a limit.</summary>
    private IEnumerable<TableEntity> Extract(Article segment, string articleKey, int firstIndex, ref TimeSpan extraction, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var events = extractor.Extract(segment.Body, segment.PublishedOn, cancellationToken).Events;
        extraction += Stopwatch.GetElapsedTime(started);
        EventLimits.Check(events, firstIndex, options.Value);
        return events.Select((extracted, index) => EventEntityMapper.ToEntity(segment, articleKey, firstIndex + index, extracted, extractor.Version));
    }

    /// <summary>Hashes a segment's UTF-8 through a pooled buffer: the joined segments hash as the whole body did.</summary>
    private static void AppendToHash(IncrementalHash hash, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Opens the blob version the request names, refusing it from its size alone when it is over the limit.</summary>
    private async Task<BlobDownloadStreamingResult> DownloadAsync(ParseRequest request, CancellationToken cancellationToken)
    {
        var blob = storage.Articles.GetBlobClient(request.BlobName);
        BlobDownloadStreamingResult download;
        try
        {
            download = await blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Conditions = new() { IfMatch = new ETag(request.ETag) } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new StaleBlobException();
        }

        var length = download.Details.ContentLength;
        var limit = options.Value.MaxArticleBytes;
        if (length > limit)
        {
            download.Dispose();
            throw new ArticleFormatException(
                $"The article is {length / 1048576.0:0.#} MB; articles are limited to {limit / 1048576.0:0.#} MB (setting {IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxArticleBytes)}).");
        }

        return download;
    }

    private async Task RecordFailureAsync(ParseRequest request, ArticleClaim claim, string reason, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        await articles.CompleteAsync(claim, Outcome(request, claim, ArticleStatus.Failed, reason), cancellationToken);
        telemetry.ArticlesFailed.Add(1);
        PipelineLog.Failed(logger, request.BlobName, reason, stopwatch.ElapsedMilliseconds);
    }

    private ArticleRecord Outcome(ParseRequest request, ArticleClaim claim, ArticleStatus status, string? error) => new(
        Name: request.BlobName,
        Status: status,
        BlobETag: request.ETag,
        ProcessedBlobETag: request.ETag,
        ContentHash: null,
        ExtractorVersion: extractor.Version,
        Published: null,
        PublishedSource: null,
        Title: null,
        EventCount: 0,
        Error: error,
        Attempts: (claim.Previous?.Attempts ?? 0) + 1,
        ReceivedAt: claim.Previous?.ReceivedAt,
        ProcessedAt: null);

    /// <summary>What was written for an article: its fields (from its first segment), the event count and the hash of its content.</summary>
    private sealed record ArticleWritten(Article Article, int Written, string ContentHash);

    /// <summary>The blob changed or vanished after the request was queued: the request is out of date.</summary>
    private sealed class StaleBlobException : Exception;
}

/// <summary>Another parser holds the article's lease for a different version; the queue retries the message later.</summary>
public sealed class ArticleBusyException(string blobName) : Exception($"Article '{blobName}' is being parsed by another worker; retrying later.");
