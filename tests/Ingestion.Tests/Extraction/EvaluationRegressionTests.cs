using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Evaluation;

namespace Ingestion.Tests.Extraction;

/// <summary>
/// Fails when any figure on meantime-dev drops more than 0.02 below tests/Ingestion.Evaluation/baseline.json, or a
/// CAMEO figure on petrarch-dev below baseline-petrarch.json (or, for a figure where lower is better, rises more
/// than 0.02 above it).
/// </summary>
public class EvaluationRegressionTests
{
    private const double Tolerance = 0.02;
    private const string MeantimeBaseline = "baseline.json";
    private const string PetrarchBaseline = "baseline-petrarch.json";

    private static readonly Lazy<EvaluationRun> Run = new(() => Evaluate("meantime-dev.jsonl"));

    private static readonly Lazy<EvaluationRun> PetrarchRun = new(() => Evaluate("petrarch-dev.jsonl"));

    public static TheoryData<string> BaselineKeys() => [.. Baseline(MeantimeBaseline).Keys];

    public static TheoryData<string> PetrarchBaselineKeys() => [.. Baseline(PetrarchBaseline).Keys];

    [Theory]
    [MemberData(nameof(BaselineKeys))]
    public void Figure_does_not_regress(string key) => AssertHolds(key, Run.Value, Baseline(MeantimeBaseline)[key]);

    [Theory]
    [MemberData(nameof(PetrarchBaselineKeys))]
    public void Cameo_figure_does_not_regress(string key) => AssertHolds(key, PetrarchRun.Value, Baseline(PetrarchBaseline)[key]);

    [Fact]
    public void Baseline_records_every_figure()
    {
        Assert.Equal(Run.Value.Total.ToMetrics().Keys.Order(StringComparer.Ordinal), Baseline(MeantimeBaseline).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            PetrarchRun.Value.Total.ToMetrics().Keys.Where(key => key.StartsWith("cameo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            Baseline(PetrarchBaseline).Keys.Order(StringComparer.Ordinal));
    }

    private static EvaluationRun Evaluate(string goldFile) =>
        EvaluationRun.Run(Path.Combine(RepositoryPaths.EvalData, goldFile), new Scorer(RuleBasedEventExtractor.Shared));

    private static Dictionary<string, double> Baseline(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Ingestion.Evaluation", file)))
        ?? throw new InvalidDataException($"{file} is empty.");

    private static void AssertHolds(string key, EvaluationRun run, double baseline)
    {
        var measured = run.Total.ToMetrics()[key];
        if (EvaluationScores.LowerIsBetter.Contains(key))
        {
            Assert.True(measured <= baseline + Tolerance, $"{key} rose to {measured:0.0000} from the baseline {baseline:0.0000}.");
            return;
        }

        Assert.True(measured >= baseline - Tolerance, $"{key} fell to {measured:0.0000} from the baseline {baseline:0.0000}.");
    }
}
