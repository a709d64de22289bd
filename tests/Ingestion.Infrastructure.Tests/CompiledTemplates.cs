namespace Ingestion.Infrastructure.Tests;

/// <summary>Compiles the templates once for every test: main.bicep as azd provisions it, and the Event Grid subscription as the postdeploy hook deploys it.</summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    public const string MainFile = "infra/main.bicep";
    public const string BlobEventSubscriptionFile = "infra/app/blob-event-subscription.bicep";

    private readonly string outputDirectory = Directory.CreateTempSubdirectory("ingestion-infra-").FullName;

    internal ArmTemplate Main { get; private set; } = null!;

    internal ArmTemplate BlobEventSubscription { get; private set; } = null!;

    /// <summary>The compiled JSON text, for checks over the whole template.</summary>
    internal string MainText { get; private set; } = "";

    internal string BlobEventSubscriptionText { get; private set; } = "";

    /// <summary>What <c>bicep build</c> printed for each file: warnings do not fail a build, the tests do.</summary>
    internal Dictionary<string, string> BuildDiagnostics { get; } = [];

    public async Task InitializeAsync()
    {
        MainText = await BuildAsync(MainFile);
        Main = ArmTemplate.Parse(MainText);

        // The hook passes main's outputs: resolve them the same way.
        var outputs = Main.Outputs;
        BlobEventSubscriptionText = await BuildAsync(BlobEventSubscriptionFile);
        BlobEventSubscription = ArmTemplate.Parse(BlobEventSubscriptionText, new Dictionary<string, string>
        {
            ["functionAppName"] = "func-test",
            ["systemTopicName"] = "evgt-test",
            ["containerName"] = outputs["ARTICLES_CONTAINER_NAME"]!.GetValue<string>(),
            ["functionName"] = outputs["BLOB_TRIGGER_FUNCTION_NAME"]!.GetValue<string>(),
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(outputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> BuildAsync(string file)
    {
        var outputFile = Path.Combine(outputDirectory, Path.ChangeExtension(Path.GetFileName(file), ".json"));
        var result = await Bicep.RunAsync("build", Bicep.PathOf(file), "--outfile", outputFile);
        Assert.True(result.ExitCode == 0, $"bicep build {file} failed:\n{result.Diagnostics}");
        BuildDiagnostics[file] = result.Diagnostics;
        return await File.ReadAllTextAsync(outputFile);
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplatesGroup : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "Compiled templates";
}
