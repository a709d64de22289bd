using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// One article's mentions grouped into the events they report, added part by part as the article is written: each
/// coded event row is stamped with its merged event's key (<see cref="MergedEventKeys.MergedKeyColumn"/>) before it
/// is written, and the article's share of each merged event is kept for <see cref="MergedEventStore"/>. Memory holds
/// one entry per merged event, not the mentions (their ids up to <see cref="MaxMentionIds"/> each).
/// </summary>
public sealed class ArticleMerges(string articleKey)
{
    /// <summary>A share lists at most this many mention ids (its count stays exact): the row stays far below 1 MiB.</summary>
    internal const int MaxMentionIds = 400;

    private readonly List<Cluster> _clusters = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Groups the rows' coded mentions with each other and with those added before, and stamps each with its merged
    /// key. Day-dated mentions are placed first, so a vaguer one ("this week") joins the day it covers; a mention
    /// joins a group only if the group's date is at least as precise (the group's day is its key's partition).
    /// </summary>
    public void Add(IReadOnlyList<TableEntity> rows)
    {
        var mentions = rows
            .Select(row => (Row: row, Record: EventEntityMapper.FromEntity(row)))
            .Where(mention => EventMatcher.Mergeable(mention.Record))
            .Select(mention => (mention.Row, mention.Record, Period: EventMatcher.Period(mention.Record), Signature: EventMatcher.Signature(mention.Record)))
            .OrderBy(mention => mention.Period.Days);
        foreach (var (row, record, period, signature) in mentions)
        {
            var cluster = _clusters.FirstOrDefault(cluster =>
                cluster.Signature == signature
                && cluster.Period.Days <= period.Days
                && EventMatcher.DatesCompatible(cluster.Period, period)
                && EventMatcher.PlacesCompatible(EventEntityMapper.FromEntity(cluster.Fields).Locations, record.Locations));
            if (cluster is null)
            {
                cluster = new Cluster(NewKey(record.Date, signature, record), signature, period, row);
                _clusters.Add(cluster);
            }
            else
            {
                cluster.Fields = MergedFields.Combine(cluster.Fields, row);
            }

            cluster.Mentions++;
            if (cluster.MentionIds.Count < MaxMentionIds)
            {
                cluster.MentionIds.Add($"{row.PartitionKey}/{row.RowKey}");
            }

            row[MergedEventKeys.MergedKeyColumn] = cluster.Key;
        }
    }

    /// <summary>The article's share of each merged event it mentions: its best fields, its mention count and ids.</summary>
    public IEnumerable<MergeContribution> Contributions => _clusters.Select(cluster =>
    {
        var row = new TableEntity(cluster.Fields);
        row[MergedEventStore.MentionCountColumn] = cluster.Mentions;
        row[MergedEventStore.MentionsColumn] = JsonSerializer.Serialize(cluster.MentionIds);
        row[MergedEventStore.ArticleKeyColumn] = articleKey;
        row.Remove(MergedEventKeys.MergedKeyColumn);
        return new MergeContribution(cluster.Key, row);
    });

    /// <summary>
    /// The signature's key; a second group of the same signature and day in this article (another place) gets one
    /// with its place added, so the two stay apart.
    /// </summary>
    private string NewKey(string day, string signature, EventRecord record)
    {
        var key = MergedEventKeys.Key(day, signature);
        var place = record.Locations.Count > 0 ? EventIndexKeys.PlaceKey(record.Locations[0]) : string.Empty;
        for (var n = 1; !_keys.Add(key); n++)
        {
            key = MergedEventKeys.Key(day, $"{signature}|{place}|{n}");
        }

        return key;
    }

    private sealed class Cluster(string key, string signature, DatePeriod period, TableEntity fields)
    {
        public string Key { get; } = key;

        public string Signature { get; } = signature;

        /// <summary>The date of the mention that opened the group: the most precise of its mentions.</summary>
        public DatePeriod Period { get; } = period;

        public TableEntity Fields { get; set; } = fields;

        public int Mentions { get; set; }

        public List<string> MentionIds { get; } = [];
    }
}

/// <summary>An article's share of one merged event: its key and the row of columns that describe it.</summary>
public sealed record MergeContribution(string Key, TableEntity Row);
