using System.Text;
using Ingestion.Core.Articles;
using Microsoft.Extensions.Time.Testing;

namespace Ingestion.Tests.Articles;

public class ArticleReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ArticleBlobInfo Blob = new("a.txt", PublishedMetadata: null, CreatedOn: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static ArticleReader Reader() => new(new FakeTimeProvider(Now));

    private static Task<Article> ReadAsync(byte[] content, ArticleBlobInfo? blob = null) =>
        Reader().ReadAsync(new MemoryStream(content), blob ?? Blob, CancellationToken.None);

    private static Task<Article> ReadAsync(string content, ArticleBlobInfo? blob = null) => ReadAsync(Encoding.UTF8.GetBytes(content), blob);

    [Theory]
    [InlineData(" date 2022-02-06 Biden and Macron spoke.")]
    [InlineData("date 2022-02-06\nBiden and Macron spoke.")]
    [InlineData("\n\n  date 2022-02-06\r\n\r\nBiden and Macron spoke.")]
    [InlineData("\uFEFF date 2022-02-06 Biden and Macron spoke.")]
    public async Task Text_format_header_gives_the_publication_date_and_the_body(string content)
    {
        var article = await ReadAsync(content);

        Assert.Equal(new DateOnly(2022, 2, 6), article.PublishedOn);
        Assert.Equal(PublicationDateSource.Header, article.PublishedOnSource);
        Assert.Equal("Biden and Macron spoke.", article.Body);
    }

    [Theory]
    [InlineData(" date 2022-02-06 One.\r\nTwo.\rThree.", "One.\nTwo.\nThree.")]
    [InlineData("date 2022-02-06\r\nOne.\nTwo.\r\rThree.\n\rFour.", "One.\nTwo.\n\nThree.\n\nFour.")]
    public async Task Crlf_lone_cr_and_mixed_line_endings_become_newlines(string content, string body)
    {
        var article = await ReadAsync(content);

        Assert.Equal(body, article.Body);
    }

    [Fact]
    public async Task Control_characters_become_spaces()
    {
        var article = await ReadAsync(" date 2022-02-06 One\u0007two\u001Bthree.");

        Assert.Equal("One two three.", article.Body);
    }

    [Theory]
    [InlineData("{\"published\": \"2024-07-12T08:45:00Z\", \"title\": \"T\", \"body\": \"B.\", \"source\": \"S\", \"url\": \"https://example.org/a\"}", 2024, 7, 12)]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": \"B.\"}", 2024, 7, 12)]
    [InlineData("{\"published\": \"2024-07-12T23:30:00-05:00\", \"body\": \"B.\"}", 2024, 7, 13)]
    public async Task Json_article_reads_its_fields(string json, int year, int month, int day)
    {
        var article = await ReadAsync(json);

        Assert.Equal(new DateOnly(year, month, day), article.PublishedOn);
        Assert.Equal(PublicationDateSource.JsonField, article.PublishedOnSource);
        Assert.Equal("B.", article.Body);
    }

    [Fact]
    public async Task Json_article_keeps_title_source_and_url()
    {
        var article = await ReadAsync("{\"published\": \"2024-07-12\", \"title\": \"T\", \"body\": \"B.\", \"source\": \"S\", \"url\": \"https://example.org/a\"}");

        Assert.Equal(("T", "S", "https://example.org/a"), (article.Title, article.Source, article.Url));
    }

    [Fact]
    public async Task Plain_text_is_dated_by_blob_metadata_first()
    {
        var article = await ReadAsync("Officials met on Monday.", Blob with { PublishedMetadata = "2023-05-10" });

        Assert.Equal(new DateOnly(2023, 5, 10), article.PublishedOn);
        Assert.Equal(PublicationDateSource.BlobMetadata, article.PublishedOnSource);
    }

    [Fact]
    public async Task Plain_text_without_metadata_is_dated_by_blob_creation_time()
    {
        var article = await ReadAsync("Officials met on Monday.");

        Assert.Equal(new DateOnly(2024, 1, 2), article.PublishedOn);
        Assert.Equal(PublicationDateSource.BlobCreationTime, article.PublishedOnSource);
    }

    [Fact]
    public async Task Utf16_with_bom_is_decoded()
    {
        var article = await ReadAsync(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(" date 2022-02-06 Grüße aus Köln.")).ToArray());

        Assert.Equal("Grüße aus Köln.", article.Body);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n\t  \r\n", "empty")]
    [InlineData(" date 2022-02-30 Body.", "'2022-02-30' is not a valid date")]
    [InlineData(" date 2022-2-6 Body.", "'2022-2-6' is not a valid date")]
    [InlineData(" date 2099-01-01 Body.", "in the future")]
    [InlineData(" date 1492-10-12 Body.", "typo")]
    [InlineData(" date 2022-02-06", "no body")]
    [InlineData(" date 2022-02-06   \n ", "no body")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": ", "not valid JSON")]
    [InlineData("{\"published\": \"2024-07-12\"}", "no 'body'")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": 42}", "'body' must be a string")]
    [InlineData("{\"published\": 20240712, \"body\": \"B.\"}", "'published' must be a string")]
    [InlineData("{\"published\": \"yesterday\", \"body\": \"B.\"}", "not an ISO date")]
    [InlineData("\u00A0\u2003\u3000", "empty")]
    [InlineData("\uFEFF", "empty")]
    [InlineData(" date 2021-02-29 Body.", "'2021-02-29' is not a valid date")]
    [InlineData(" date 2022-13-01 Body.", "'2022-13-01' is not a valid date")]
    [InlineData(" date 2022/02/06 Body.", "'2022/02/06' is not a valid date")]
    [InlineData(" date 9999-12-31 Body.", "in the future")]
    [InlineData("{\"published\": \"2999-01-01T00:00:00Z\", \"body\": \"B.\"}", "in the future")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": \"  \"}", "no body")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": null}", "no 'body'")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": [\"B.\"]}", "'body' must be a string, not array")]
    [InlineData("{\"published\": \"2024-07-12\", \"body\": {\"text\": \"B.\"}}", "'body' must be a string, not object")]
    [InlineData("{\"published\": \"2024-07-12\", \"title\": true, \"body\": \"B.\"}", "'title' must be a string, not true")]
    [InlineData("{\"body\": \"B.\"} and then some", "not valid JSON")]
    [InlineData("{\"body\": \"B.\" // a comment\n}", "not valid JSON")]
    [InlineData("{'body': 'B.'}", "not valid JSON")]
    [InlineData("{\"body\": \"B.\", \"body\": \"C.\", \"published\": \"2024-07-12\"", "not valid JSON")]
    public async Task Unreadable_article_fails_with_a_reason(string content, string reason)
    {
        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_json_fails_with_a_reason()
    {
        var json = "{\"body\": \"B.\", \"x\": " + new string('[', 500) + new string(']', 500) + "}";

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(json));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "PNG")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0 }, "ZIP")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [InlineData(new byte[] { 0x12, 0x00, 0x9A, 0x41, 0x00, 0x07, 0xFE, 0x33 }, "NUL")]
    public async Task Binary_file_fails_saying_what_it_is(byte[] content, string what)
    {
        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_fails_with_a_reason()
    {
        byte[] content = [.. " date 2022-02-06 Caf"u8, 0xC3, 0x28, .. " ok."u8];

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nul_after_the_sniffed_prefix_is_still_binary()
    {
        byte[] content = [.. " date 2022-02-06 Some text then"u8, 0, .. " more."u8];

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_date_that_is_too_long_is_shortened_in_the_reason()
    {
        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(" date 2022-02-06" + new string('x', 5_000) + " Body."));

        Assert.Contains("is not a valid date", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_bytes_fail_as_binary_or_not_utf8(int seed)
    {
        var content = new byte[4096];
        new Random(seed).NextBytes(content);

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Matches("binary|not valid UTF-8", error.Message);
    }

    [Fact]
    public async Task Utf16_big_endian_with_bom_is_decoded()
    {
        var article = await ReadAsync([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(" date 2022-02-06 Grüße aus Köln.")]);

        Assert.Equal("Grüße aus Köln.", article.Body);
    }

    [Fact]
    public async Task Utf16_with_a_lone_surrogate_fails_with_a_reason()
    {
        byte[] content = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(" date 2022-02-06 A"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("B.")];

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(content));

        Assert.Contains("not valid UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_with_a_huge_string_body_is_read()
    {
        var body = string.Concat(Enumerable.Repeat("Officials met in Geneva on Tuesday. ", 150_000)).Trim();

        var article = await ReadAsync($"{{\"published\": \"2024-07-12\", \"body\": \"{body}\", \"extra\": \"{new string('x', 1_000_000)}\"}}");

        Assert.Equal(body, article.Body);
    }

    [Fact]
    public async Task Ten_megabyte_single_line_is_read_whole()
    {
        var line = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 400_000));

        var article = await ReadAsync(" date 2022-02-06 " + line);

        Assert.Equal(line.Trim().Length, article.Body.Length);
        Assert.DoesNotContain('\n', article.Body);
    }
}
