using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Extraction;
using Ingestion.Core.Merging;
using Ingestion.Core.Storage;
using static Ingestion.Tests.Merging.MergeSamples;

namespace Ingestion.Tests.Merging;

public sealed class ArticleMergesTests
{
    private static string? Key(TableEntity row) => row.GetString(MergedEventKeys.MergedKeyColumn);

    [Fact]
    public void Mentions_of_one_event_in_an_article_share_a_key_and_a_share()
    {
        // "talked for five hours in the Kremlin on Monday ... after the meeting, Putin and Macron ..."
        var rows = new[]
        {
            Row("2022-02-07", "040", [Macron], [Putin], [Moscow], index: 0),
            Row("2022-02-07", "042", [Putin], [Macron], index: 1),
            Row("2022-02-07", "040", [Scholz], [Putin], index: 2),
        };
        var merges = new ArticleMerges("a");
        merges.Add(rows);

        Assert.Equal(Key(rows[0]), Key(rows[1]));
        Assert.NotEqual(Key(rows[0]), Key(rows[2]));
        Assert.StartsWith("2022-02-07_", Key(rows[0]), StringComparison.Ordinal);
        var share = merges.Contributions.Single(contribution => contribution.Key == Key(rows[0])).Row;
        Assert.Equal(2, share.GetInt32(MergedEventStore.MentionCountColumn));
        Assert.Equal(2, JsonSerializer.Deserialize<string[]>(share.GetString(MergedEventStore.MentionsColumn)!)!.Length);
        Assert.Null(share.GetString(MergedEventKeys.MergedKeyColumn));
    }

    [Fact]
    public void The_key_is_the_same_in_every_article()
    {
        var a = Row("2022-02-07", "040", [Macron], [Putin], [Moscow], article: "a.txt", published: "2022-02-06", modality: Modality.Planned);
        var b = Row("2022-02-07", "043", [Putin], [Macron], article: "b.txt", published: "2022-02-08");
        new ArticleMerges("a").Add([a]);
        new ArticleMerges("b").Add([b]);
        Assert.Equal(Key(a), Key(b));
    }

    [Fact]
    public void A_vaguer_date_joins_the_day_it_covers_and_the_share_keeps_the_most_precise_date_and_most_certain_modality()
    {
        var week = Row("2022-W06", "036", [Macron], [Putin], modality: Modality.Planned, index: 0);
        var day = Row("2022-02-07", "040", [Macron], [Putin], [Moscow], index: 1);
        var merges = new ArticleMerges("a");
        merges.Add([week, day]);

        Assert.Equal(Key(day), Key(week));
        var share = EventEntityMapper.FromEntity(merges.Contributions.Single().Row);
        Assert.Equal(("2022-02-07", DatePrecision.Day, Modality.Asserted, "040"), (share.DateValue, share.Precision, share.Modality, share.EventCode));
        Assert.Equal("Moscow", Assert.Single(share.Locations).Name);
    }

    [Fact]
    public void Same_parties_and_day_in_two_countries_stay_apart()
    {
        var rows = new[] { Row("2022-02-07", "040", [Macron], [Putin], [Moscow], index: 0), Row("2022-02-07", "040", [Macron], [Putin], [Paris], index: 1) };
        var merges = new ArticleMerges("a");
        merges.Add(rows);
        Assert.NotEqual(Key(rows[0]), Key(rows[1]));
        Assert.Equal(2, merges.Contributions.Count());
    }

    [Fact]
    public void Uncoded_mentions_are_not_merged()
    {
        var uncoded = Row("2022-02-07", "040", []);
        var merges = new ArticleMerges("a");
        merges.Add([uncoded]);
        Assert.Null(Key(uncoded));
        Assert.Empty(merges.Contributions);
    }

    [Fact]
    public void Parts_added_later_join_the_events_of_earlier_parts()
    {
        var first = Row("2022-02-07", "040", [Macron], [Putin], index: 0);
        var later = Row("2022-02-07", "040", [Putin], [Macron], index: 700);
        var merges = new ArticleMerges("a");
        merges.Add([first]);
        merges.Add([later]);
        Assert.Equal(Key(first), Key(later));
        Assert.Equal(2, merges.Contributions.Single().Row.GetInt32(MergedEventStore.MentionCountColumn));
    }

    [Fact]
    public void A_merged_row_counts_its_shares_and_names_its_articles_earliest_first()
    {
        var a = new ArticleMerges("ka");
        a.Add([Row("2022-02-07", "036", [Macron], [Putin], modality: Modality.Planned, article: "preview.txt", published: "2022-02-05", sentence: "Macron will travel to Moscow.")]);
        var b = new ArticleMerges("kb");
        b.Add([Row("2022-02-07", "040", [Macron], [Putin], [Moscow], article: "report.txt", published: "2022-02-08", index: 0), Row("2022-02-07", "040", [Putin], [Macron], article: "report.txt", published: "2022-02-08", index: 1)]);
        var shares = a.Contributions.Concat(b.Contributions).Select(share => share.Row).ToList();

        var merged = MergedEventStore.Merge("2022-02-07", "0123456789abcdef", shares);
        var record = EventEntityMapper.FromEntity(merged);
        Assert.Equal(3, merged.GetInt32(MergedEventStore.MentionCountColumn));
        Assert.Equal(2, merged.GetInt32(MergedEventStore.ArticleCountColumn));
        Assert.Equal("2022-02-05", merged.GetString(MergedEventStore.FirstReportedColumn));
        Assert.Equal(["preview.txt", "report.txt"], JsonSerializer.Deserialize<string[]>(merged.GetString(MergedEventStore.ArticlesColumn)!)!);
        Assert.Equal((Modality.Asserted, "040", "Moscow"), (record.Modality, record.EventCode, record.Locations.Single().Name));
    }
}
