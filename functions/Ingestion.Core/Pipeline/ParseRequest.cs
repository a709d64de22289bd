namespace Ingestion.Core.Pipeline;

/// <summary>The message on the parse queue: which blob to parse, which version of it (its ETag), and when it was queued.</summary>
public sealed record ParseRequest(string BlobName, string ETag, DateTimeOffset? EnqueuedAt = null);
