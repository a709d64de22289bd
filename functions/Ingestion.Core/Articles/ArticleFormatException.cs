namespace Ingestion.Core.Articles;

/// <summary>An article that cannot be read, with a reason a person understands. Not retried: the content will not change by itself.</summary>
public sealed class ArticleFormatException : Exception
{
    public ArticleFormatException(string message)
        : base(message)
    {
    }

    public ArticleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ArticleFormatException()
    {
    }
}
