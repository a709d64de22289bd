namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class BicepTests(CompiledTemplates templates)
{
    [Theory]
    [InlineData(CompiledTemplates.MainFile)]
    [InlineData(CompiledTemplates.BlobEventSubscriptionFile)]
    public async Task Build_and_lint_report_no_diagnostics(string file)
    {
        Assert.True(templates.BuildDiagnostics[file].Length == 0, $"bicep build {file}:\n{templates.BuildDiagnostics[file]}");

        var lint = await Bicep.RunAsync("lint", Bicep.PathOf(file));

        Assert.Equal(0, lint.ExitCode);
        Assert.True(lint.Diagnostics.Length == 0, $"bicep lint {file}:\n{lint.Diagnostics}");
    }
}
