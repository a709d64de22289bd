using Ingestion.Core.Extraction;
using Ingestion.Evaluation;

namespace Ingestion.Tests.Extraction;

/// <summary>The evaluation's offset conversion and matching rules.</summary>
public class ScorerTests
{
    [Fact]
    public void Code_point_offsets_convert_across_surrogate_pairs()
    {
        // "😀" is one code point but two UTF-16 units.
        var map = new OffsetMap("a😀 Paris");
        Assert.Equal((4, 9, 3), (map.ToUtf16(3), map.ToUtf16(8), map.ToCodePoint(4)));
    }

    [Fact]
    public void Relaxed_matching_counts_overlaps_and_strict_needs_the_same_extent()
    {
        var scores = new EvaluationScores();
        scores.AddTimexes(
            [new ScoredSpan(0, 10, "last Monday", "DATE", "2022-01-31")],
            [new ScoredSpan(5, 10, "Monday", "DATE", "2022-01-31"), new ScoredSpan(20, 24, "2017", "DATE", "2017")]);
        Assert.Equal((0.0, 0.5, 1.0, 0.5, 1.0), (scores.TimexStrict.F1, scores.TimexRelaxed.Precision, scores.TimexRelaxed.Recall, scores.TimexValue.Precision, scores.TimexTypeAccuracy));
    }

    [Fact]
    public void Scorer_reads_gold_offsets_as_code_points_and_scores_the_extractor()
    {
        var text = "😀 Macron visited Moscow on Monday.";
        var article = new GoldArticle("t1", new DateOnly(2022, 2, 6), text,
            [new GoldSpan(27, 33, "Monday", "DATE", "2022-01-31")],
            [new GoldEvent(9, 16, "visited")],
            [new GoldSpan(2, 8, "Macron", "PER"), new GoldSpan(17, 23, "Moscow", "LOC")]);
        var comparison = new Scorer(RuleBasedEventExtractor.Shared).Compare(article);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (comparison.Scores.TimexValue.F1, comparison.Scores.Events.Recall, comparison.Scores.Entities.F1, comparison.Scores.EntitiesTyped.F1));
    }
}
