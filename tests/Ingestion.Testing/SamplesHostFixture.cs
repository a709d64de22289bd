namespace Ingestion.Testing;

/// <summary>A local host shared by a test class, started once with every sample article parsed.</summary>
public sealed class SamplesHostFixture(AzuriteFixture azurite) : LocalHostFixture(azurite)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in Directory.GetFiles(Articles.SamplesFolder))
        {
            await WaitForArticleAsync(Path.GetFileName(file), TimeSpan.FromSeconds(60));
        }
    }
}
