using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Ingestion.Core.Articles;

/// <summary>What a saved web page holds as an article: its main text, title and where it says it was published.</summary>
/// <param name="Published">The publication date as the page writes it, and where it was found; null when the page has none.</param>
internal sealed record WebPageContent(string Text, string? Title, (string Value, string Where)? Published, string? SiteName, string? Url);

/// <summary>
/// Reads a saved web page: the main text (navigation, asides, comments and footers dropped) by SmartReader, a port of
/// Mozilla's Readability, and the publication date from the page's metadata.
/// </summary>
internal static partial class WebPage
{
    /// <summary>
    /// Pages with more elements are refused: Readability scores every node, and a real article page has a few thousand.
    /// </summary>
    internal const int MaxElements = 50_000;

    /// <summary>The fewest words a page that Readability doubts must give: about a sentence.</summary>
    private const int MinDoubtfulWords = 8;

    /// <summary>Meta tags (by <c>property</c>, <c>name</c> or <c>itemprop</c>) that carry a publication date, most specific first.</summary>
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date",
    ];

    /// <summary>Elements that start a new paragraph of text.</summary>
    private static readonly HashSet<string> BlockElements = new(
        ["p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
         "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether text is a web page rather than another article shape: its name says so, or it starts with a tag.</summary>
    public static bool IsWebPage(string name, ReadOnlySpan<char> text) =>
        name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart().StartsWith('<');

    /// <exception cref="ArticleFormatException">The page is too large to score or has no readable article text.</exception>
    public static async Task<WebPageContent> ReadAsync(string html, string name, CancellationToken cancellationToken)
    {
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var elements = document.All.Length;
        if (elements > MaxElements)
        {
            throw new ArticleFormatException($"The web page has {elements} HTML elements; pages are limited to {MaxElements}.");
        }

        // Metadata first: Readability rewrites the document as it scores it.
        var published = PublishedIn(document);
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var reader = new Reader($"https://article.invalid/{Uri.EscapeDataString(name)}", document) { ContinueIfNotReadable = true };
        var page = await reader.GetArticleAsync(cancellationToken);
        // IsReadable is Readability's guess before it looks, and it says no to any page with under about 500
        // characters of paragraphs, such as a news brief: only a page it doubts whose content is also shorter than a
        // sentence (a menu, a cookie notice) is refused.
        var text = string.IsNullOrEmpty(page.Content) ? string.Empty : await PlainTextAsync(page.Content, cancellationToken);
        if (text.Length == 0 || (!page.IsReadable && text.Split(' ', '\n').Length < MinDoubtfulWords))
        {
            var found = text.Length == 0 ? "no main content" : $"only '{text}'";
            var why = page.Errors.FirstOrDefault() is { } error ? $" ({error.Message})" : string.Empty;
            throw new ArticleFormatException($"The web page has no readable article text: Readability found {found}{why}.");
        }

        return new WebPageContent(text, NullIfBlank(page.Title), published, NullIfBlank(page.SiteName), NullIfBlank(canonical));
    }

    /// <summary>The first publication date the page states: a meta tag, else JSON-LD <c>datePublished</c>, else a <c>&lt;time datetime&gt;</c> (in the article first).</summary>
    private static (string Value, string Where)? PublishedIn(IHtmlDocument document)
    {
        var metas = document.QuerySelectorAll("meta[content]")
            .Select(meta => (Key: meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop"), Value: meta.GetAttribute("content")!))
            .Where(meta => meta.Key is not null && meta.Value.Trim().Length > 0)
            .ToList();
        foreach (var name in DateMetaNames)
        {
            if (metas.FirstOrDefault(meta => string.Equals(meta.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found)
            {
                return (found.Value.Trim(), $"<meta {name}>");
            }
        }

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (JsonLdDatePublished(script.TextContent) is { } value)
            {
                return (value, "JSON-LD datePublished");
            }
        }

        var time = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
        return time?.GetAttribute("datetime") is { Length: > 0 } datetime ? (datetime.Trim(), "<time datetime>") : null;
    }

    /// <summary><c>datePublished</c> of a JSON-LD object, an array of them or an <c>@graph</c>; null when absent or not JSON.</summary>
    private static string? JsonLdDatePublished(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Find(document.RootElement);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common on real pages; the other sources still count.
            return null;
        }

        static string? Find(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Select(Find).FirstOrDefault(value => value is not null),
            JsonValueKind.Object when element.TryGetProperty("datePublished", out var date) && date.ValueKind == JsonValueKind.String => date.GetString(),
            JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) => Find(graph),
            _ => null,
        };
    }

    /// <summary>
    /// The main content's text, a paragraph per block element (blank lines between) with white space collapsed as a
    /// browser shows it: line breaks in the page's source are not paragraph breaks, and the sentence splitter cuts at
    /// every line break.
    /// </summary>
    private static async Task<string> PlainTextAsync(string contentHtml, CancellationToken cancellationToken)
    {
        using var content = await new HtmlParser().ParseDocumentAsync(contentHtml, cancellationToken);
        var text = new StringBuilder();
        AppendText(content.Body ?? (INode)content, text);
        var paragraphs = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs.Select(paragraph => DoubleSpaces().Replace(paragraph, " ")));
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText { Data.Length: > 0 } run)
            {
                // White space collapses to one space; text runs that touch ("Ber<b>lin</b>") stay one word.
                var data = run.Data;
                if (char.IsWhiteSpace(data[0]))
                {
                    text.Append(' ');
                }

                text.AppendJoin(' ', data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (char.IsWhiteSpace(data[^1]))
                {
                    text.Append(' ');
                }
            }
            else if (child is IElement element)
            {
                var block = BlockElements.Contains(element.LocalName);
                text.Append(block ? "\n" : string.Empty);
                AppendText(element, text);
                text.Append(block ? "\n" : string.Empty);
            }
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(" {2,}")]
    private static partial Regex DoubleSpaces();
}
