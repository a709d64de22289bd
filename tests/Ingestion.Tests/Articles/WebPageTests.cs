using System.Text;
using Ingestion.Core.Articles;
using Moq;

namespace Ingestion.Tests.Articles;

/// <summary>Saved web pages: the main text without the page around it, the title, and the publication date from the page's metadata.</summary>
public sealed class WebPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Task<Article> ReadAsync(string html, string name = "page.html", string? publishedMetadata = null)
    {
        var time = new Mock<TimeProvider>();
        time.Setup(t => t.GetUtcNow()).Returns(Now);
        return new ArticleReader(time.Object).ReadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(html)), new ArticleBlobInfo(name, publishedMetadata, Now.AddDays(-1)), CancellationToken.None);
    }

    private static string Page(string head, string body = "") =>
        $"<!DOCTYPE html><html><head><title>Talks in Geneva | Example News</title>{head}</head><body>" +
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/subscribe'>Subscribe now</a></nav>" +
        $"<article><h1>Talks in Geneva</h1>{body}" +
        "<p>Officials from Armenia and Azerbaijan met in Geneva on Tuesday to discuss the border, the Swiss foreign ministry said.</p>" +
        "<p>The delegations agreed to meet again next month. Diplomats described the talks as constructive but said no agreement on the <b>bor</b>der map was reached.</p>" +
        "</article><footer>© 2024 Example News. All rights reserved. Cookie settings.</footer></body></html>";

    [Theory]
    [InlineData("010_port_strike.html", 2024, 5, 15, "Dock workers end strike at Rotterdam after pay deal", "Dock workers at the port of Rotterdam ended a five-day strike on Wednesday", "Subscribe")]
    [InlineData("011_grain_corridor.html", 2023, 9, 12, "Turkey hosts new talks on Black Sea grain shipments", "Turkish Foreign Minister Hakan Fidan met United Nations officials", "Most read")]
    [InlineData("012_election_count.htm", 2021, 8, 20, "Recount ordered in disputed Zambian constituency", "Zambia's Electoral Commission ordered a recount", "comments")]
    public async Task Sample_page_gives_its_main_text_title_and_date(string file, int year, int month, int day, string title, string opening, string pageChrome)
    {
        var article = await ReadAsync(File.ReadAllText(Path.Combine(RepositoryPaths.SampleArticles, file)), file);

        Assert.Equal((new DateOnly(year, month, day), PublicationDateSource.WebPage, title), (article.PublishedOn, article.PublishedOnSource, article.Title));
        Assert.StartsWith(opening, article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(pageChrome, article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rights reserved", article.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Paragraphs_are_separated_and_source_line_breaks_and_inline_tags_are_not()
    {
        var article = await ReadAsync(Page("", "<p>Armenian and Azerbaijani\n   officials arrived on Monday.</p>"));

        Assert.Equal(
            "Armenian and Azerbaijani officials arrived on Monday.\n\n"
            + "Officials from Armenia and Azerbaijan met in Geneva on Tuesday to discuss the border, the Swiss foreign ministry said.\n\n"
            + "The delegations agreed to meet again next month. Diplomats described the talks as constructive but said no agreement on the border map was reached.",
            article.Body);
    }

    [Theory]
    [InlineData("<meta property='article:published_time' content='2024-03-14T23:30:00-05:00'><script type='application/ld+json'>{\"datePublished\": \"2020-01-01\"}</script>", 2024, 3, 15)]
    [InlineData("<meta name='pubdate' content='2024-03-14'>", 2024, 3, 14)]
    [InlineData("<meta itemprop='datePublished' content='2024-03-14T10:00:00Z'>", 2024, 3, 14)]
    [InlineData("<meta name='dc.date' content='2024-03-14'>", 2024, 3, 14)]
    [InlineData("<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebSite\"}, {\"@type\": \"NewsArticle\", \"datePublished\": \"2024-03-14T08:00:00Z\"}]}</script>", 2024, 3, 14)]
    [InlineData("<script type='application/ld+json'>[{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-03-14\"}]</script>", 2024, 3, 14)]
    [InlineData("<script type='application/ld+json'>{ broken</script><meta name='description' content='x'>", 2026, 11, 24)] // no date: the blob's creation day
    public async Task Publication_date_comes_from_meta_tags_then_json_ld_then_time(string head, int year, int month, int day)
    {
        var article = await ReadAsync(Page(head));

        Assert.Equal(new DateOnly(year, month, day), article.PublishedOn);
    }

    [Fact]
    public async Task Time_element_in_the_article_dates_a_page_without_metadata()
    {
        var article = await ReadAsync(Page("", "<p class='dateline'><time datetime='2024-03-14'>14 March</time> Geneva.</p>"));

        Assert.Equal((new DateOnly(2024, 3, 14), PublicationDateSource.WebPage), (article.PublishedOn, article.PublishedOnSource));
    }

    [Fact]
    public async Task Page_without_a_date_falls_back_to_blob_metadata()
    {
        var article = await ReadAsync(Page(""), publishedMetadata: "2024-03-14");

        Assert.Equal((new DateOnly(2024, 3, 14), PublicationDateSource.BlobMetadata), (article.PublishedOn, article.PublishedOnSource));
    }

    [Fact]
    public async Task Content_that_is_html_is_read_as_a_page_whatever_the_name()
    {
        var article = await ReadAsync("\n  " + Page("<meta name='pubdate' content='2024-03-14'>"), name: "saved.txt");

        Assert.Equal(PublicationDateSource.WebPage, article.PublishedOnSource);
        Assert.DoesNotContain("<", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><title>Empty</title></head><body></body></html>", "The web page has no readable article text")]
    [InlineData("<html><body><script>var a = 1;</script><nav><a href='/'>Home</a></nav></body></html>", "The web page has no readable article text: Readability found only 'Home'.")]
    [InlineData("<<<<>>>> <!-- --", "The web page has no readable article text")]
    [InlineData("<html><head><meta property='article:published_time' content='last Tuesday'></head><body><p>Officials from Armenia and Azerbaijan met in Geneva on Tuesday to discuss the border, the Swiss foreign ministry said on Wednesday.</p></body></html>", "The publication date 'last Tuesday' (from the page's <meta article:published_time>) is not an ISO date")]
    [InlineData("<html><head><meta name='pubdate' content='2999-01-01'></head><body><p>Officials from Armenia and Azerbaijan met in Geneva on Tuesday to discuss the border, the Swiss foreign ministry said on Wednesday.</p></body></html>", "The publication date 2999-01-01 is in the future.")]
    public async Task Bad_page_fails_with_a_reason(string html, string reason)
    {
        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(html));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_with_more_elements_than_an_article_page_has_is_refused()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>x</span>", 60_000)) + "</body></html>";

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => ReadAsync(html));

        Assert.Contains("pages are limited to 50000", error.Message, StringComparison.Ordinal);
    }
}
