namespace Ingestion.Infrastructure.Tests;

/// <summary>azure.yaml and its hook point at files that exist and at the outputs main.bicep declares.</summary>
[Collection(CompiledTemplatesGroup.Name)]
public sealed class AzdTests(CompiledTemplates templates)
{
    private static readonly string[] AzureYaml = File.ReadAllLines(Bicep.PathOf("azure.yaml"));

    [Fact]
    public void The_ingestion_service_is_the_Functions_project()
    {
        var project = Value("project:");

        Assert.Equal("function", Value("host:"));
        Assert.Equal("dotnet", Value("language:"));
        Assert.True(File.Exists(Path.Combine(Bicep.PathOf(project), "Ingestion.Functions.csproj")), $"azure.yaml project {project} has no Ingestion.Functions.csproj.");
        Assert.Contains(AzureYaml, line => line.Trim() == "ingestion:");
    }

    [Fact]
    public void The_postdeploy_hook_deploys_the_subscription_template_with_main_outputs()
    {
        var script = Value("run:");
        var text = File.ReadAllText(Bicep.PathOf(script));

        Assert.Contains(CompiledTemplates.BlobEventSubscriptionFile, text, StringComparison.Ordinal);
        var parameters = templates.BlobEventSubscription.Json["parameters"]!.AsObject().Select(parameter => parameter.Key);
        foreach (var parameter in parameters)
        {
            var passed = System.Text.RegularExpressions.Regex.Match(text, $@"\b{parameter}=""\$(\w+)""");
            Assert.True(passed.Success, $"The hook does not pass {parameter}.");
            Assert.Contains(passed.Groups[1].Value, templates.Main.Outputs.Keys);
        }
    }

    private static string Value(string key) =>
        AzureYaml.Select(line => line.Trim()).Single(line => line.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim();
}
