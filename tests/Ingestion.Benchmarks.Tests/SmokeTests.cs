using Xunit.Abstractions;

namespace Ingestion.Benchmarks.Tests;

/// <summary>
/// Runs each benchmark's smoke mode in-process so the benchmarks keep building and working. Bars are not asserted:
/// smoke figures come from tiny, unwarmed runs on a shared machine.
/// </summary>
public sealed class SmokeTests(ITestOutputHelper log)
{
    public static TheoryData<string> Names => [.. BenchmarkCommand.All.Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Smoke_run_completes_and_reports_its_figures(string name)
    {
        using var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var reports = await BenchmarkCommand.RunAsync(BenchmarkCommand.All.Where(b => b.Name == name), BenchmarkOptions.Parse(["--smoke"]), output, timeout.Token);

        log.WriteLine(output.ToString());
        var report = Assert.Single(reports);
        Assert.NotEmpty(report.Figures);
        Assert.All(report.Figures, figure => Assert.True(double.IsFinite(figure.Value), $"{figure.Metric} is {figure.Value}"));
        Assert.Contains(report.Figures, figure => figure.Bar is not null);
    }
}
