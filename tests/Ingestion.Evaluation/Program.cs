using System.Globalization;
using Ingestion.Core.Extraction;
using Ingestion.Evaluation;

// dotnet run -c Release --project tests/Ingestion.Evaluation -- <gold.jsonl> [--json <metrics.json>] [--output <system.jsonl>] [--per-article] [--errors N]
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: Ingestion.Evaluation <gold.jsonl> [--json <metrics.json>] [--output <system.jsonl>] [--per-article] [--errors N]");
    return 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var run = EvaluationRun.Run(args[0], new Scorer(new RuleBasedEventExtractor()));
Console.Write(run.Summary());
if (args.Contains("--per-article"))
{
    Console.WriteLine();
    Console.Write(run.PerArticle());
}

if (Option("--errors") is { } errors)
{
    Console.WriteLine();
    Console.Write(run.Errors(int.Parse(errors, CultureInfo.InvariantCulture)));
}

if (Option("--json") is { } json)
{
    File.WriteAllText(json, run.MetricsJson());
}

if (Option("--output") is { } output)
{
    File.WriteAllLines(output, run.SystemJsonLines());
}

return 0;
