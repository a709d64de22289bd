namespace Ingestion.Core.Articles;

/// <summary>An article as read from its blob: the body text and the date every relative date is resolved from.</summary>
public sealed record Article(
    string Name,
    DateOnly PublishedOn,
    PublicationDateSource PublishedOnSource,
    string? Title,
    string Body,
    string? Source = null,
    string? Url = null);

/// <summary>Where an article's publication date was found.</summary>
public enum PublicationDateSource
{
    /// <summary>The ` date YYYY-MM-DD` header of the text format.</summary>
    Header,

    /// <summary>The <c>published</c> field of the JSON format.</summary>
    JsonField,

    /// <summary>A web page's own metadata: a meta tag such as <c>article:published_time</c>, JSON-LD <c>datePublished</c>, or a <c>&lt;time datetime&gt;</c>.</summary>
    WebPage,

    /// <summary>The blob's <c>published</c> metadata.</summary>
    BlobMetadata,

    /// <summary>The blob's creation time, the last resort.</summary>
    BlobCreationTime,
}
