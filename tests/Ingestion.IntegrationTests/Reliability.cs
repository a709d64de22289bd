namespace Ingestion.IntegrationTests;

/// <summary>The heavy runs (1,000 articles, HTTP load) are on only when <c>INGESTION_FULL_RELIABILITY=1</c>; CI runs the small ones.</summary>
internal static class Reliability
{
    public const string Variable = "INGESTION_FULL_RELIABILITY";

    public static bool Full => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Articles for the batch and outage runs: 1,000 in a full run, 100 in CI.</summary>
    public static int ArticleCount => Full ? 1000 : 100;
}

/// <summary>A test that runs only in a full reliability run, and says so when skipped.</summary>
public sealed class FullReliabilityFactAttribute : FactAttribute
{
    public FullReliabilityFactAttribute()
    {
        if (!Reliability.Full)
        {
            Skip = $"Heavy: set {Reliability.Variable}=1 to run.";
        }
    }
}
