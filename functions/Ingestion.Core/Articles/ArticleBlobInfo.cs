namespace Ingestion.Core.Articles;

/// <summary>What the reader knows of a blob besides its content: the fallbacks for a publication date.</summary>
/// <param name="PublishedMetadata">The blob's <c>published</c> metadata, if any.</param>
public sealed record ArticleBlobInfo(string Name, string? PublishedMetadata, DateTimeOffset CreatedOn);
