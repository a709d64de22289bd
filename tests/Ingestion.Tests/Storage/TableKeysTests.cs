using Ingestion.Core.Storage;

namespace Ingestion.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("plain.txt")]
    [InlineData("folder/sub/article.txt")]
    [InlineData("with#hash?and\\backslash.txt")]
    [InlineData("ünïcødé ✓.json")]
    public void Article_key_is_stable_hex_and_legal_in_any_key(string blobName)
    {
        var key = TableKeys.ArticleKey(blobName);

        Assert.Equal(key, TableKeys.ArticleKey(blobName));
        Assert.Matches("^[0-9a-f]{32}$", key);
    }

    [Fact]
    public void Different_names_get_different_keys()
    {
        Assert.NotEqual(TableKeys.ArticleKey("a.txt"), TableKeys.ArticleKey("A.txt"));
    }

    [Fact]
    public void Row_key_range_selects_exactly_one_articles_rows()
    {
        var key = TableKeys.ArticleKey("a.txt");
        var (from, to) = TableKeys.EventRowKeyRange(key);

        Assert.InRange(TableKeys.EventRowKey(key, 0), from, to);
        Assert.InRange(TableKeys.EventRowKey(key, 99_999), from, to);
        Assert.True(string.CompareOrdinal(TableKeys.EventRowKey(key, 99_999), to) < 0);
        Assert.True(string.CompareOrdinal(key, from) < 0, "the bare key sorts before the range");
        Assert.True(string.CompareOrdinal(key + "0", to) > 0, "a longer key with the same prefix sorts after the range");
    }

    [Fact]
    public void Row_keys_sort_in_event_order()
    {
        var key = TableKeys.ArticleKey("a.txt");

        Assert.True(string.CompareOrdinal(TableKeys.EventRowKey(key, 9), TableKeys.EventRowKey(key, 10)) < 0);
    }
}
