namespace Ingestion.Core.Articles;

/// <summary>What the reader knows of a blob besides its content: the fallbacks for a publication date.</summary>
/// <param name="PublishedMetadata">The blob's <c>published</c> metadata, if any.</param>
public sealed record ArticleBlobInfo(string Name, string? PublishedMetadata, DateTimeOffset CreatedOn)
{
    /// <summary>The blob metadata key a publication date is given under (the CLI's <c>upload --published</c> sets it).</summary>
    public const string PublishedMetadataKey = "published";
}
