using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Evaluation;

namespace Ingestion.Tests.Extraction;

/// <summary>
/// Fails when any figure on meantime-dev drops more than 0.02 below tests/Ingestion.Evaluation/baseline.json (or, for a
/// figure where lower is better, rises more than 0.02 above it).
/// </summary>
public class EvaluationRegressionTests
{
    private const double Tolerance = 0.02;

    private static readonly Lazy<EvaluationRun> Run = new(() =>
        EvaluationRun.Run(Path.Combine(RepositoryPaths.EvalData, "meantime-dev.jsonl"), new Scorer(RuleBasedEventExtractor.Shared)));

    public static TheoryData<string> BaselineKeys() => [.. Baseline().Keys];

    private static Dictionary<string, double> Baseline() =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Ingestion.Evaluation", "baseline.json")))
        ?? throw new InvalidDataException("baseline.json is empty.");

    [Theory]
    [MemberData(nameof(BaselineKeys))]
    public void Figure_does_not_regress(string key)
    {
        var measured = Run.Value.Total.ToMetrics()[key];
        if (EvaluationScores.LowerIsBetter.Contains(key))
        {
            Assert.True(measured <= Baseline()[key] + Tolerance, $"{key} rose to {measured:0.0000} from the baseline {Baseline()[key]:0.0000}.");
            return;
        }

        Assert.True(measured >= Baseline()[key] - Tolerance, $"{key} fell to {measured:0.0000} from the baseline {Baseline()[key]:0.0000}.");
    }

    [Fact]
    public void Baseline_records_every_figure()
    {
        Assert.Equal(Run.Value.Total.ToMetrics().Keys.Order(StringComparer.Ordinal), Baseline().Keys.Order(StringComparer.Ordinal));
    }
}
