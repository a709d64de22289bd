using System.Text;
using Ingestion.Core.Articles;
using Microsoft.Extensions.Time.Testing;

namespace Ingestion.Tests.Articles;

/// <summary>Long text articles read as segments: where they are cut, and that cutting changes nothing else.</summary>
public class ArticleSegmentTests
{
    private const int Size = ArticleReader.MinSegmentChars;
    private static readonly ArticleBlobInfo Blob = new("a.txt", PublishedMetadata: null, CreatedOn: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static ArticleReader Reader() => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    private static async Task<List<Article>> SegmentsAsync(Stream content, int size = Size)
    {
        var segments = new List<Article>();
        await foreach (var segment in Reader().ReadSegmentsAsync(content, Blob, size, CancellationToken.None))
        {
            segments.Add(segment);
        }

        return segments;
    }

    private static Task<List<Article>> SegmentsAsync(string content, int size = Size) => SegmentsAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), size);

    private static Task<Article> ReadAsync(Stream content) => Reader().ReadAsync(content, Blob, CancellationToken.None);

    [Fact]
    public async Task Article_whose_body_fits_the_segment_size_is_one_segment_equal_to_the_whole_read()
    {
        var body = "Officials met in Geneva.\n\n" + new string('a', Size - 27) + ".";
        var content = " date 2022-02-06 \n" + body + "\n \n";

        var segments = await SegmentsAsync(content);
        var longer = await SegmentsAsync(content.Replace("Geneva", "Genevaa", StringComparison.Ordinal));

        var whole = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)));
        var segment = Assert.Single(segments);
        Assert.Equal(Size, segment.Body.Length);
        Assert.Equal(whole, segment);
        Assert.Equal(new DateOnly(2022, 2, 6), segment.PublishedOn);
        Assert.Equal(["Officials met in Genevaa.", "\n\n" + new string('a', Size - 27) + "."], longer.Select(s => s.Body));
    }

    [Fact]
    public async Task Long_article_is_cut_after_its_last_paragraph_in_reach()
    {
        var paragraph = "The minister visited Paris on Monday. Troops attacked the town on Tuesday.\n\n";
        var body = string.Concat(Enumerable.Repeat(paragraph, 100)).TrimEnd();

        var segments = await SegmentsAsync(" date 2023-05-10 " + body);

        Assert.True(segments.Count > 5, $"{segments.Count} segments");
        Assert.Equal(body, string.Concat(segments.Select(s => s.Body)));
        Assert.All(segments, s => Assert.InRange(s.Body.Length, 1, Size));
        Assert.All(segments[..^1], s => Assert.EndsWith("on Tuesday.", s.Body, StringComparison.Ordinal));
        Assert.All(segments[1..], s => Assert.StartsWith("\n\nThe minister", s.Body, StringComparison.Ordinal));
        Assert.All(segments, s => Assert.Equal((new DateOnly(2023, 5, 10), PublicationDateSource.Header), (s.PublishedOn, s.PublishedOnSource)));
    }

    [Fact]
    public async Task Long_paragraph_is_cut_after_a_sentence()
    {
        var body = string.Concat(Enumerable.Repeat("Officials met in Geneva on Tuesday. Talks resumed! ", 100)).TrimEnd();

        var segments = await SegmentsAsync(body);

        Assert.True(segments.Count > 3, $"{segments.Count} segments");
        Assert.Equal(body, string.Concat(segments.Select(s => s.Body)));
        Assert.All(segments, s => Assert.InRange(s.Body.Length, 1, Size));
        Assert.All(segments[..^1], s => Assert.Matches(@"(Tuesday\.|resumed!)$", s.Body));
        Assert.All(segments, s => Assert.Equal(PublicationDateSource.BlobCreationTime, s.PublishedOnSource));
    }

    [Fact]
    public async Task Text_without_sentence_ends_is_cut_between_words_and_without_spaces_anywhere()
    {
        var words = string.Concat(Enumerable.Repeat("lorem ipsum dolor ", 200)).TrimEnd();
        var letters = new string('x', 3 * Size + 10);

        var wordSegments = await SegmentsAsync(words);
        var letterSegments = await SegmentsAsync(letters);

        Assert.Equal(words, string.Concat(wordSegments.Select(s => s.Body)));
        Assert.All(wordSegments[..^1], s => Assert.Matches("(lorem|ipsum|dolor)$", s.Body));
        Assert.Equal(letters, string.Concat(letterSegments.Select(s => s.Body)));
        Assert.Equal([Size, Size, Size, 10], letterSegments.Select(s => s.Body.Length));
    }

    [Fact]
    public async Task Surrogate_pair_is_not_split_by_a_hard_cut()
    {
        var text = new string('x', Size - 1) + "😀" + new string('y', 10);

        var segments = await SegmentsAsync(text);

        Assert.Equal([Size - 1, 12], segments.Select(s => s.Body.Length));
        Assert.Equal(text, string.Concat(segments.Select(s => s.Body)));
    }

    [Fact]
    public async Task Crlf_split_across_reads_is_one_line_end()
    {
        // A CR as the last byte of the first 64 KiB read and its LF as the first of the next, then again in tiny reads.
        var first = " date 2022-02-06 " + new string('a', 64 * 1024 - 18) + "\r";
        var content = Encoding.UTF8.GetBytes(first + "\nNext line.\r\nLast line ü.");
        Assert.Equal(64 * 1024, Encoding.UTF8.GetByteCount(first));

        var whole = await ReadAsync(new MemoryStream(content));
        var trickled = await ReadAsync(new TrickleStream(content, 3));

        Assert.EndsWith("a\nNext line.\nLast line ü.", whole.Body, StringComparison.Ordinal);
        Assert.Equal(whole.Body, trickled.Body);
    }

    [Fact]
    public async Task Invalid_utf8_after_the_first_segments_fails_with_its_byte_position()
    {
        var head = Encoding.UTF8.GetBytes(" date 2022-02-06 " + string.Concat(Enumerable.Repeat("Officials met in Geneva on Tuesday.\n\n", 10_000)));
        byte[] content = [.. head, 0xC3, 0x28, .. " ok."u8];
        var segments = new List<Article>();

        var error = await Assert.ThrowsAsync<ArticleFormatException>(async () =>
        {
            await foreach (var segment in Reader().ReadSegmentsAsync(new MemoryStream(content), Blob, Size, CancellationToken.None))
            {
                segments.Add(segment);
            }
        });

        Assert.NotEmpty(segments);
        Assert.Contains($"not valid UTF-8 text (invalid bytes near byte {head.Length})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" date 2022-02-06   \n\n ", "no body")]
    [InlineData(" date 2022-13-01 Body.", "'2022-13-01' is not a valid date")]
    [InlineData(" date 9999-12-31 Body.", "in the future")]
    [InlineData(" date 1700-01-01 Body.", "before 1800")]
    [InlineData("   \n ", "empty")]
    public async Task Errors_are_those_of_the_whole_read(string content, string reason)
    {
        var segmented = await Assert.ThrowsAsync<ArticleFormatException>(() => SegmentsAsync(content));
        var whole = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content))));

        Assert.Contains(reason, segmented.Message, StringComparison.Ordinal);
        Assert.Equal(whole.Message, segmented.Message);
    }

    [Fact]
    public async Task Header_followed_by_more_white_space_than_a_segment_still_finds_the_body()
    {
        var segments = await SegmentsAsync(" date 2022-02-06" + new string(' ', 5 * Size) + "\n\nBody.");

        Assert.Equal("Body.", Assert.Single(segments).Body);
    }

    /// <summary>Hands out a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] content, int readSize) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
