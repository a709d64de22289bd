using Ingestion.Core.Extraction;

namespace Ingestion.Evaluation;

/// <summary>A span with a label and a normalized value, in UTF-16 offsets.</summary>
public readonly record struct ScoredSpan(int Start, int End, string Text, string? Type, string? Value)
{
    public bool Overlaps(ScoredSpan other) => Start < other.End && other.Start < End;

    public bool SameExtent(ScoredSpan other) => Start == other.Start && End == other.End;
}

/// <summary>Counts for one precision/recall figure: system items that match, gold items that are matched.</summary>
public sealed class PrfCounter
{
    public int SystemMatched { get; private set; }

    public int SystemTotal { get; private set; }

    public int GoldMatched { get; private set; }

    public int GoldTotal { get; private set; }

    public double Precision => SystemTotal == 0 ? 0 : (double)SystemMatched / SystemTotal;

    public double Recall => GoldTotal == 0 ? 0 : (double)GoldMatched / GoldTotal;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(IReadOnlyList<ScoredSpan> gold, IReadOnlyList<ScoredSpan> system, Func<ScoredSpan, ScoredSpan, bool> match)
    {
        SystemTotal += system.Count;
        GoldTotal += gold.Count;
        SystemMatched += system.Count(s => gold.Any(g => match(g, s)));
        GoldMatched += gold.Count(g => system.Any(s => match(g, s)));
    }

    public void Add(PrfCounter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SystemMatched += other.SystemMatched;
        SystemTotal += other.SystemTotal;
        GoldMatched += other.GoldMatched;
        GoldTotal += other.GoldTotal;
    }
}

/// <summary>TempEval-3 style scores for a set of articles, and the same per article.</summary>
public sealed class EvaluationScores
{
    public PrfCounter TimexStrict { get; } = new();

    public PrfCounter TimexRelaxed { get; } = new();

    public PrfCounter TimexValue { get; } = new();

    public int TimexTypeMatched { get; private set; }

    public int TimexTypeCorrect { get; private set; }

    public PrfCounter Events { get; } = new();

    public PrfCounter Entities { get; } = new();

    public PrfCounter EntitiesTyped { get; } = new();

    public DateScores Dates { get; } = new();

    public CameoScores Cameo { get; } = new();

    /// <summary>Figures where lower is better: a regression is a rise.</summary>
    public static IReadOnlySet<string> LowerIsBetter { get; } = new HashSet<string>(StringComparer.Ordinal) { "dates.before_on_publication" };

    public ParticipantScores Participants { get; } = new();

    public MergingScores Merging { get; } = new();

    public double TimexTypeAccuracy => TimexTypeMatched == 0 ? 0 : (double)TimexTypeCorrect / TimexTypeMatched;

    /// <summary>Flat figures under the keys of --json (timex.strict.f1, events.p, ...).</summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, counter) in new[]
        {
            ("timex.strict", TimexStrict), ("timex.relaxed", TimexRelaxed), ("timex.value", TimexValue),
            ("events", Events), ("entities", Entities), ("entities.typed", EntitiesTyped),
        })
        {
            metrics[key + ".p"] = Math.Round(counter.Precision, 4);
            metrics[key + ".r"] = Math.Round(counter.Recall, 4);
            metrics[key + ".f1"] = Math.Round(counter.F1, 4);
        }

        metrics["timex.type.accuracy"] = Math.Round(TimexTypeAccuracy, 4);
        Dates.AddMetrics(metrics);
        Cameo.AddMetrics(metrics);
        Merging.AddMetrics(metrics);
        foreach (var (key, counter) in Participants.Counters())
        {
            metrics[key + ".p"] = Math.Round(counter.Precision, 4);
            metrics[key + ".r"] = Math.Round(counter.Recall, 4);
            metrics[key + ".f1"] = Math.Round(counter.F1, 4);
        }

        return metrics;
    }

    public void AddTimexes(IReadOnlyList<ScoredSpan> gold, IReadOnlyList<ScoredSpan> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        TimexStrict.Add(gold, system, (g, s) => g.SameExtent(s));
        TimexRelaxed.Add(gold, system, (g, s) => g.Overlaps(s));
        TimexValue.Add(gold, system, (g, s) => g.Overlaps(s) && g.Value == s.Value);
        foreach (var g in gold)
        {
            // The counterpart shares most characters with the gold expression, then is closest to it in length.
            if (system.Where(g.Overlaps).Select(s => (ScoredSpan?)s)
                .MaxBy(s => (Math.Min(g.End, s!.Value.End) - Math.Max(g.Start, s.Value.Start), -Math.Abs(s.Value.End - s.Value.Start - (g.End - g.Start)))) is { } s)
            {
                TimexTypeMatched++;
                TimexTypeCorrect += g.Type == s.Type ? 1 : 0;
            }
        }
    }

    public void Add(EvaluationScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TimexStrict.Add(other.TimexStrict);
        TimexRelaxed.Add(other.TimexRelaxed);
        TimexValue.Add(other.TimexValue);
        Events.Add(other.Events);
        Entities.Add(other.Entities);
        EntitiesTyped.Add(other.EntitiesTyped);
        Dates.Add(other.Dates);
        Cameo.Add(other.Cameo);
        Participants.Add(other.Participants);
        Merging.Add(other.Merging);
        TimexTypeMatched += other.TimexTypeMatched;
        TimexTypeCorrect += other.TimexTypeCorrect;
    }
}

/// <summary>Gold and system annotations of one article side by side, in UTF-16 offsets.</summary>
public sealed record ArticleComparison(
    GoldArticle Article,
    ExtractionResult System,
    IReadOnlyList<ScoredSpan> GoldTimexes,
    IReadOnlyList<ScoredSpan> SystemTimexes,
    IReadOnlyList<ScoredSpan> GoldEvents,
    IReadOnlyList<ScoredSpan> SystemEvents,
    IReadOnlyList<ScoredSpan> GoldEntities,
    IReadOnlyList<ScoredSpan> SystemEntities,
    EvaluationScores Scores,
    IReadOnlyList<string?> MergedKeys);

/// <summary>Runs the extractor on each article's text and publication date, never on its annotations, and scores it.</summary>
public sealed class Scorer(IEventExtractor extractor)
{
    /// <summary>Gold entity types that are scored; products, financial and unlinked mentions are not.</summary>
    private static readonly HashSet<string> ScoredEntityTypes = new(StringComparer.Ordinal) { "PER", "ORG", "LOC" };

    public ArticleComparison Compare(GoldArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var system = extractor.Extract(article.Text, article.Dct);
        var map = new OffsetMap(article.Text);
        ScoredSpan FromGold(GoldSpan g) => new(map.ToUtf16(g.Start), map.ToUtf16(g.End), g.Text, g.Type, g.Value);

        var goldTimexes = (article.Timexes ?? []).Select(FromGold).ToList();
        ScoredSpan FromGoldEvent(GoldEvent e) => new(map.ToUtf16(e.Start), map.ToUtf16(e.End), e.Text, null, null);
        var goldEvents = (article.Events ?? []).Select(FromGoldEvent).ToList();
        var goldEntities = (article.Entities ?? []).Where(e => e.Type is { } t && ScoredEntityTypes.Contains(t)).Select(FromGold).ToList();
        var systemTimexes = system.Timexes.Select(t => new ScoredSpan(t.Start, t.End, t.Text, TimexTypeName(t.Type), t.Value)).ToList();
        var systemEvents = system.Events.Select(e => new ScoredSpan(e.Start, e.End, e.Trigger, e.Type?.Code, null)).ToList();
        var systemEntities = system.Entities.Select(e => new ScoredSpan(e.Start, e.End, e.Text, EntityTypeName(e.Type), e.CanonicalName)).ToList();

        var scores = new EvaluationScores();
        scores.AddTimexes(goldTimexes, systemTimexes);
        scores.Events.Add(goldEvents, systemEvents, (g, s) => g.Overlaps(s));
        scores.Entities.Add(goldEntities, systemEntities, (g, s) => g.Overlaps(s));
        scores.EntitiesTyped.Add(goldEntities, systemEntities, (g, s) => g.Overlaps(s) && g.Type == s.Type);
        scores.Dates.Add(DateScores.Score(article, system, map));
        scores.Cameo.Add(CameoScores.Score(article, system));
        scores.Participants.Add(article.Text, (article.Events ?? []).Select(e => (FromGoldEvent(e), (IReadOnlyList<ScoredSpan>)[.. (e.Participants ?? []).Select(p => FromGold(p) with { Type = p.Role })])), system.Events);
        var mergedKeys = MergingScores.MergedKeys(article, system);
        scores.Merging.Add(MergingScores.Score(article, goldEvents, systemEvents, mergedKeys));
        return new ArticleComparison(article, system, goldTimexes, systemTimexes, goldEvents, systemEvents, goldEntities, systemEntities, scores, mergedKeys);
    }

    public static string TimexTypeName(TimexType type) => type.ToString().ToUpperInvariant();

    public static string EntityTypeName(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        _ => "LOC",
    };
}
