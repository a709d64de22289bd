using System.Globalization;
using Ingestion.Core.Extraction;
using Ingestion.Core.Merging;
using Ingestion.Core.Storage;

namespace Ingestion.Evaluation;

/// <summary>
/// Cross-document event merging scored against the gold <c>instance</c> (the corpus's identity of a real-world event):
/// each gold event with an instance is a mention, its system cluster the merged key of the system event that overlaps
/// it (an uncoded event, which is not merged, or a missed mention is a cluster of its own). Pairwise figures count
/// pairs of mentions from different articles; B-cubed averages over the mentions. Accumulates across articles.
/// </summary>
public sealed class MergingScores
{
    private readonly List<(string Article, string Gold, string System)> _mentions = [];

    public int Mentions => _mentions.Count;

    /// <summary>The article's gold mentions with an instance, each with the cluster the system put it in.</summary>
    public static MergingScores Score(GoldArticle article, IReadOnlyList<ScoredSpan> goldEvents, IReadOnlyList<ScoredSpan> systemEvents, IReadOnlyList<string?> mergedKeys)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(goldEvents);
        ArgumentNullException.ThrowIfNull(systemEvents);
        ArgumentNullException.ThrowIfNull(mergedKeys);
        var scores = new MergingScores();
        var events = article.Events ?? [];
        for (var g = 0; g < events.Count; g++)
        {
            if (events[g].Instance is not { } instance)
            {
                continue;
            }

            var gold = goldEvents[g];
            var match = Enumerable.Range(0, systemEvents.Count).Where(s => gold.Overlaps(systemEvents[s])).Select(s => (int?)s).FirstOrDefault();
            var system = match is { } s ? mergedKeys[s] ?? $"{article.Id}#{s}" : $"{article.Id}#missed{g}";
            scores._mentions.Add((article.Id, instance, system));
        }

        return scores;
    }

    /// <summary>Each system event's merged key (null for an uncoded one), as the pipeline computes it for the article.</summary>
    public static IReadOnlyList<string?> MergedKeys(GoldArticle article, ExtractionResult system)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(system);
        var reference = new Ingestion.Core.Articles.Article(article.Id, article.Dct, Ingestion.Core.Articles.PublicationDateSource.Header, null, string.Empty);
        var rows = system.Events.Select((e, i) => EventEntityMapper.ToEntity(reference, article.Id, i, e, "evaluation")).ToList();
        new ArticleMerges(article.Id).Add(rows);
        return [.. rows.Select(row => row.GetString(MergedEventKeys.MergedKeyColumn))];
    }

    public void Add(MergingScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _mentions.AddRange(other._mentions);
    }

    /// <summary>Pairs of mentions from different articles: in one system cluster, in one gold instance, and both.</summary>
    public (int System, int Gold, int Both) CrossDocumentPairs()
    {
        var (system, gold, both) = (0, 0, 0);
        for (var i = 0; i < _mentions.Count; i++)
        {
            for (var j = i + 1; j < _mentions.Count; j++)
            {
                var (a, b) = (_mentions[i], _mentions[j]);
                if (a.Article == b.Article)
                {
                    continue;
                }

                var (sameSystem, sameGold) = (a.System == b.System, a.Gold == b.Gold);
                system += sameSystem ? 1 : 0;
                gold += sameGold ? 1 : 0;
                both += sameSystem && sameGold ? 1 : 0;
            }
        }

        return (system, gold, both);
    }

    /// <summary>B-cubed precision and recall: per mention, the share of its system cluster in its gold instance, and the reverse.</summary>
    public (double Precision, double Recall) BCubed()
    {
        if (_mentions.Count == 0)
        {
            return (0, 0);
        }

        var (precision, recall) = (0.0, 0.0);
        foreach (var mention in _mentions)
        {
            var system = _mentions.Where(other => other.System == mention.System).ToList();
            var gold = _mentions.Count(other => other.Gold == mention.Gold);
            var both = system.Count(other => other.Gold == mention.Gold);
            precision += (double)both / system.Count;
            recall += (double)both / gold;
        }

        return (precision / _mentions.Count, recall / _mentions.Count);
    }

    public void AddMetrics(Dictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var (system, gold, both) = CrossDocumentPairs();
        Figures(metrics, "merging.pairwise", system == 0 ? 0 : (double)both / system, gold == 0 ? 0 : (double)both / gold);
        var (precision, recall) = BCubed();
        Figures(metrics, "merging.bcubed", precision, recall);
    }

    public string Summary()
    {
        var (system, gold, both) = CrossDocumentPairs();
        var (precision, recall) = BCubed();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"merging B-cubed     {precision,8:0.0000}{recall,8:0.0000}{F1(precision, recall),8:0.0000} ({Mentions} gold mentions with an instance)\n"
            + $"merging cross-doc pairs: {both} right of {system} merged, {gold} in the gold\n");
    }

    private static void Figures(Dictionary<string, double> metrics, string key, double precision, double recall)
    {
        metrics[key + ".p"] = Math.Round(precision, 4);
        metrics[key + ".r"] = Math.Round(recall, 4);
        metrics[key + ".f1"] = Math.Round(F1(precision, recall), 4);
    }

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
