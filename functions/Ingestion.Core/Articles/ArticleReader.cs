using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingestion.Core.Articles;

/// <summary>
/// Reads an article blob in any of its shapes: the text format (` date YYYY-MM-DD ` then the body), JSON
/// (<c>published</c>, <c>title</c>, <c>body</c>, <c>source</c>, <c>url</c>), or plain text dated by blob metadata or creation time.
/// </summary>
public sealed partial class ArticleReader(TimeProvider time)
{
    /// <summary>Publication dates this far past today are refused: they are typos, and would misdate every relative expression.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(2);
    private static readonly DateOnly EarliestPublication = new(1800, 1, 1);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and validates an article. Throws <see cref="ArticleFormatException"/> with the reason when it is not a readable article.</summary>
    public async Task<Article> ReadAsync(Stream content, ArticleBlobInfo blob, CancellationToken cancellationToken)
    {
        var text = await DecodeAsync(content, cancellationToken);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            throw new ArticleFormatException("The article is empty (no text, or only white space).");
        }

        return trimmed[0] == '{' ? ReadJson(text, blob) : ReadText(text, blob);
    }

    private static async Task<string> DecodeAsync(Stream content, CancellationToken cancellationToken)
    {
        // Sniff the first bytes: BOMs pick the encoding, NULs and known magic numbers mark binary files.
        var head = new byte[8];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var start = head.AsSpan(0, headLength);
        if (DescribeBinary(start) is { } binary)
        {
            throw new ArticleFormatException($"The file is {binary}, not text.");
        }

        Encoding encoding = start.StartsWith((byte[])[0xFF, 0xFE]) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true)
            : start.StartsWith((byte[])[0xFE, 0xFF]) ? new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true)
            : StrictUtf8;
        var isUtf16 = encoding is UnicodeEncoding;
        if (!isUtf16 && start.IndexOf((byte)0) >= 0)
        {
            throw new ArticleFormatException("The file contains NUL bytes: it is binary, not text.");
        }

        using var reader = new StreamReader(new PrefixedStream(head.AsMemory(0, headLength), content), encoding, detectEncodingFromByteOrderMarks: false);
        try
        {
            var text = await reader.ReadToEndAsync(cancellationToken);
            if (!isUtf16 && text.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArticleFormatException("The file contains NUL bytes: it is binary, not text.");
            }

            return Normalize(text);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArticleFormatException(
                $"The file is not valid {(isUtf16 ? "UTF-16" : "UTF-8")} text (invalid bytes near byte {ex.Index}); save it as UTF-8.", ex);
        }
    }

    private static string? DescribeBinary(ReadOnlySpan<byte> head) =>
        head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]) ? "a PNG image"
        : head.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]) ? "a ZIP archive"
        : head.StartsWith("%PDF"u8) ? "a PDF document"
        : head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "a JPEG image"
        : head.StartsWith("GIF8"u8) ? "a GIF image"
        : head.StartsWith((byte[])[0x1F, 0x8B]) ? "a gzip archive"
        : null;

    /// <summary>Drops the BOM, unifies line endings and turns other control characters into spaces.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == 0 && c == '\uFEFF')
            {
                continue;
            }

            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(c != '\n' && c != '\t' && char.IsControl(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    private Article ReadText(string text, ArticleBlobInfo blob)
    {
        var header = HeaderPattern().Match(text);
        if (!header.Success)
        {
            var (published, source) = FallbackDate(blob);
            return Validate(new Article(blob.Name, published, source, Title: null, Body: text.Trim()));
        }

        var dateText = header.Groups["date"].Value;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ArticleFormatException($"The header date '{Shorten(dateText)}' is not a valid date: expected YYYY-MM-DD, for example 'date 2022-02-06'.");
        }

        return Validate(new Article(blob.Name, date, PublicationDateSource.Header, Title: null, Body: text[(header.Index + header.Length)..].Trim()));
    }

    private Article ReadJson(string text, ArticleBlobInfo blob)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ArticleFormatException($"The file starts like JSON but is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            // Only text starting with '{' comes here, so the root is an object.
            var root = document.RootElement;
            var body = JsonString(root, "body") ?? throw new ArticleFormatException("The JSON article has no 'body' field.");
            var (published, source) = JsonString(root, "published") is { } publishedText
                ? (ParsePublished(publishedText), PublicationDateSource.JsonField)
                : FallbackDate(blob);
            return Validate(new Article(blob.Name, published, source, JsonString(root, "title"), body.Trim(), JsonString(root, "source"), JsonString(root, "url")));
        }
    }

    private static string? JsonString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArticleFormatException($"The JSON field '{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static DateOnly ParsePublished(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && text.Contains('T', StringComparison.Ordinal)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : throw new ArticleFormatException($"The publication date '{Shorten(text)}' is not an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ).");
    }

    private static (DateOnly Date, PublicationDateSource Source) FallbackDate(ArticleBlobInfo blob) =>
        blob.PublishedMetadata is { Length: > 0 } metadata
            ? (ParsePublished(metadata), PublicationDateSource.BlobMetadata)
            : (DateOnly.FromDateTime(blob.CreatedOn.UtcDateTime), PublicationDateSource.BlobCreationTime);

    private Article Validate(Article article)
    {
        if (article.Body.Length == 0)
        {
            throw new ArticleFormatException("The article has no body text (only a header, or an empty body).");
        }

        var latest = DateOnly.FromDateTime((time.GetUtcNow() + FutureTolerance).UtcDateTime);
        if (article.PublishedOn > latest)
        {
            throw new ArticleFormatException($"The publication date {article.PublishedOn:yyyy-MM-dd} is in the future.");
        }

        return article.PublishedOn < EarliestPublication
            ? throw new ArticleFormatException($"The publication date {article.PublishedOn:yyyy-MM-dd} is before {EarliestPublication:yyyy}: it is almost certainly a typo.")
            : article;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    // " date 2022-02-06 Body..." : the word date, then a token that starts like a date; the token is validated separately
    // so "date 2022-02-30" gets a clear error instead of being read as plain text.
    [GeneratedRegex(@"\A\s*date[ \t]+(?<date>\d\S*)(?:[ \t]+|\n+|\z)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();
}
