namespace Ingestion.Core.Pipeline;

/// <summary>The message on the parse queue: which blob to parse, and which version of it (its ETag).</summary>
public sealed record ParseRequest(string BlobName, string ETag);
