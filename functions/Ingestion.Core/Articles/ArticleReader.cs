using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Articles;

/// <summary>
/// Reads an article blob in any of its shapes: the text format (` date YYYY-MM-DD ` then the body), JSON
/// (<c>published</c>, <c>title</c>, <c>body</c>, <c>source</c>, <c>url</c>), a saved web page (see <see cref="WebPage"/>),
/// or plain text dated by blob metadata or creation time.
/// </summary>
public sealed partial class ArticleReader(TimeProvider time)
{
    /// <summary>Publication dates this far past today are refused: they are typos, and would misdate every relative expression.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(2);
    private static readonly DateOnly EarliestPublication = new(1800, 1, 1);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Segments of a long article are about this many characters: enough that ordinary articles are one segment.</summary>
    public const int DefaultSegmentChars = 256 * 1024;

    /// <summary>The smallest segment size accepted: the text format's header must fit in the first one.</summary>
    public const int MinSegmentChars = 1024;

    /// <summary>Reads and validates a whole article. Throws <see cref="ArticleFormatException"/> with the reason when it is not a readable article.</summary>
    public async Task<Article> ReadAsync(Stream content, ArticleBlobInfo blob, CancellationToken cancellationToken)
    {
        Article? first = null;
        StringBuilder? body = null;
        await foreach (var segment in ReadSegmentsAsync(content, blob, DefaultSegmentChars, cancellationToken))
        {
            if (first is null)
            {
                first = segment;
            }
            else
            {
                (body ??= new StringBuilder(first.Body)).Append(segment.Body);
            }
        }

        // The reader yields at least one segment or throws.
        return body is null ? first! : first! with { Body = body.ToString() };
    }

    /// <summary>
    /// Reads and validates an article, yielding its body in segments of at most <paramref name="segmentChars"/>
    /// characters, each ending at the last paragraph break in its reach, else the last sentence end, else the last
    /// space, else anywhere; joined they are the body, and a body up to that size is one segment. Every segment
    /// carries the article's date and fields. JSON articles and web pages are parsed whole and come as one segment. A format error
    /// late in a long text (invalid bytes, a NUL) is thrown when the enumeration reaches it, after earlier segments.
    /// </summary>
    public async IAsyncEnumerable<Article> ReadSegmentsAsync(
        Stream content, ArticleBlobInfo blob, int segmentChars, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentChars, MinSegmentChars);
        var text = await NormalizedText.OpenAsync(content, cancellationToken);
        var pending = new StringBuilder();
        var more = true;

        // Enough text to tell the shape and read a header. A run of white space that fills whole reads is dropped on
        // the way: the shape is decided by the first character that is not white space.
        while (more && (pending.Length <= segmentChars || IsWhiteSpace(pending)))
        {
            if (IsWhiteSpace(pending))
            {
                pending.Clear();
            }

            more = await text.ReadAsync(pending, cancellationToken);
        }

        if (IsWhiteSpace(pending))
        {
            throw new ArticleFormatException("The article is empty (no text, or only white space).");
        }

        var window = pending.ToString();
        if (window.AsSpan().TrimStart()[0] == '{')
        {
            // JSON is parsed as a document, so it is read whole (within the size limit).
            while (more)
            {
                more = await text.ReadAsync(pending, cancellationToken);
            }

            yield return ReadJson(pending.ToString(), blob);
            yield break;
        }

        if (WebPage.IsWebPage(blob.Name, window))
        {
            // A page's main text is only known once the whole document is parsed (within the size limit).
            while (more)
            {
                more = await text.ReadAsync(pending, cancellationToken);
            }

            yield return await ReadWebPageAsync(pending.ToString(), blob, cancellationToken);
            yield break;
        }

        var (header, bodyStart) = ReadHeader(window, blob);
        pending.Remove(0, bodyStart);
        var isFirst = true;
        while (true)
        {
            if (isFirst)
            {
                TrimStart(pending);
            }

            // Trailing white space does not count: a body that fits once trimmed is one segment.
            while (more && LengthWithoutTrailingSpace(pending) <= segmentChars)
            {
                more = await text.ReadAsync(pending, cancellationToken);
                if (isFirst)
                {
                    TrimStart(pending);
                }
            }

            // Every segment but the last ends on a non-space character, so trimming the rest of the text trims the body.
            if (!more)
            {
                pending.Length = LengthWithoutTrailingSpace(pending);
            }

            var isLast = pending.Length <= segmentChars;
            var cut = isLast ? pending.Length : SegmentEnd(pending.ToString(0, segmentChars));
            var segment = header with { Body = pending.ToString(0, cut) };
            pending.Remove(0, cut);
            if (isFirst)
            {
                Validate(segment);
                isFirst = false;
            }

            if (segment.Body.Length > 0)
            {
                yield return segment;
            }

            if (isLast)
            {
                yield break;
            }
        }
    }

    /// <summary>Where a full window is cut: after its last paragraph, else sentence, else word, else at its end.</summary>
    internal static int SegmentEnd(string window)
    {
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > 0 && StartOfSpace(window, paragraph) is > 0 and var afterParagraph)
        {
            return afterParagraph;
        }

        for (var i = window.Length - 2; i > 0; i--)
        {
            if (window[i] is '.' or '!' or '?' && char.IsWhiteSpace(window[i + 1]))
            {
                return i + 1;
            }
        }

        var space = window.AsSpan().LastIndexOfAny(" \t\n");
        if (space > 0 && StartOfSpace(window, space) is > 0 and var afterWord)
        {
            return afterWord;
        }

        // No space at all: any place will do but the middle of a surrogate pair.
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }

    /// <summary>The start of the run of white space that includes <paramref name="index"/>.</summary>
    private static int StartOfSpace(string text, int index)
    {
        while (index > 0 && char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static bool IsWhiteSpace(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private static void TrimStart(StringBuilder text)
    {
        var spaces = 0;
        while (spaces < text.Length && char.IsWhiteSpace(text[spaces]))
        {
            spaces++;
        }

        text.Remove(0, spaces);
    }

    private static int LengthWithoutTrailingSpace(StringBuilder text)
    {
        var length = text.Length;
        while (length > 0 && char.IsWhiteSpace(text[length - 1]))
        {
            length--;
        }

        return length;
    }

    private static string? DescribeBinary(ReadOnlySpan<byte> head) =>
        head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]) ? "a PNG image"
        : head.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]) ? "a ZIP archive"
        : head.StartsWith("%PDF"u8) ? "a PDF document"
        : head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "a JPEG image"
        : head.StartsWith("GIF8"u8) ? "a GIF image"
        : head.StartsWith((byte[])[0x1F, 0x8B]) ? "a gzip archive"
        : null;

    /// <summary>The text format's header, or the fallback date when there is none, and where the body starts.</summary>
    private static (Article Header, int BodyStart) ReadHeader(string window, ArticleBlobInfo blob)
    {
        var header = HeaderPattern().Match(window);
        if (!header.Success)
        {
            var (published, source) = FallbackDate(blob);
            return (new Article(blob.Name, published, source, Title: null, Body: string.Empty), 0);
        }

        var dateText = header.Groups["date"].Value;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ArticleFormatException($"The header date '{Shorten(dateText)}' is not a valid date: expected YYYY-MM-DD, for example 'date 2022-02-06'.");
        }

        return (new Article(blob.Name, date, PublicationDateSource.Header, Title: null, Body: string.Empty), header.Index + header.Length);
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

    private async Task<Article> ReadWebPageAsync(string html, ArticleBlobInfo blob, CancellationToken cancellationToken)
    {
        var page = await WebPage.ReadAsync(html, blob.Name, cancellationToken);
        var (published, source) = page.Published is { } stated
            ? (ParsePublished(stated.Value, $" (from the page's {stated.Where})"), PublicationDateSource.WebPage)
            : FallbackDate(blob);
        return Validate(new Article(blob.Name, published, source, page.Title, page.Text, page.SiteName, page.Url));
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

    /// <param name="where">Where the date was found, for the error message.</param>
    private static DateOnly ParsePublished(string text, string where = "")
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && text.Contains('T', StringComparison.Ordinal)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : throw new ArticleFormatException($"The publication date '{Shorten(text)}'{where} is not an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ).");
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

        if (LanguageIdentifier.Shared.Identify(article.Body) is var language && language != LanguageIdentifier.English)
        {
            throw new ArticleFormatException(
                $"The article reads as {LanguageIdentifier.Shared.NameOf(language)}: language {language} is not supported (events are extracted from English text only).");
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
    /// <summary>
    /// An article's bytes decoded and normalized a read at a time: the BOM dropped, line endings unified (a CR at the
    /// end of one read and an LF at the start of the next are one line end), other control characters made spaces.
    /// </summary>
    private sealed class NormalizedText
    {
        private const int ReadBytes = 64 * 1024;

        private readonly Stream _content;
        private readonly Decoder _decoder;
        private readonly bool _isUtf16;
        private readonly byte[] _bytes = new byte[ReadBytes];
        private readonly char[] _chars;
        private int _sniffed;
        private long _position;
        private bool _afterCr;
        private bool _atStart = true;

        private NormalizedText(Stream content, Encoding encoding, int sniffed, byte[] head)
        {
            _content = content;
            _decoder = encoding.GetDecoder();
            _isUtf16 = encoding is UnicodeEncoding;
            _chars = new char[encoding.GetMaxCharCount(ReadBytes)];
            head.AsSpan(0, sniffed).CopyTo(_bytes);
            _sniffed = sniffed;
        }

        /// <summary>Sniffs the first bytes: BOMs pick the encoding, NULs and known magic numbers mark binary files.</summary>
        public static async Task<NormalizedText> OpenAsync(Stream content, CancellationToken cancellationToken)
        {
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
            if (encoding is not UnicodeEncoding && start.IndexOf((byte)0) >= 0)
            {
                throw new ArticleFormatException("The file contains NUL bytes: it is binary, not text.");
            }

            return new NormalizedText(content, encoding, headLength, head);
        }

        /// <summary>Appends the next read's text to <paramref name="text"/>.</summary>
        /// <returns>False once the content is exhausted.</returns>
        public async Task<bool> ReadAsync(StringBuilder text, CancellationToken cancellationToken)
        {
            var count = _sniffed + await _content.ReadAsync(_bytes.AsMemory(_sniffed), cancellationToken);
            _sniffed = 0;
            var isEnd = count == 0;
            int decoded;
            try
            {
                decoded = _decoder.GetChars(_bytes, 0, count, _chars, 0, flush: isEnd);
            }
            catch (DecoderFallbackException ex)
            {
                throw new ArticleFormatException(
                    $"The file is not valid {(_isUtf16 ? "UTF-16" : "UTF-8")} text (invalid bytes near byte {_position + Math.Max(ex.Index, 0)}); save it as UTF-8.", ex);
            }

            _position += count;
            var chars = _chars.AsSpan(0, decoded);
            if (!_isUtf16 && chars.Contains('\0'))
            {
                throw new ArticleFormatException("The file contains NUL bytes: it is binary, not text.");
            }

            Append(text, chars);
            return !isEnd;
        }

        private void Append(StringBuilder text, ReadOnlySpan<char> chars)
        {
            foreach (var c in chars)
            {
                var afterCr = _afterCr;
                _afterCr = c == '\r';
                if ((afterCr && c == '\n') || (_atStart && c == '\uFEFF'))
                {
                    _atStart = false;
                    continue;
                }

                _atStart = false;
                text.Append(c == '\r' ? '\n' : c != '\n' && c != '\t' && char.IsControl(c) ? ' ' : c);
            }
        }
    }
}
