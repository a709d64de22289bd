namespace Ingestion.Cli.Tests;

/// <summary>A test with its own container, queue and tables in the run's Azurite, and Core's services over them to arrange and check.</summary>
[Collection(AzuriteTests.Name)]
public abstract class StorageTest(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    /// <summary>Runs the command line against this test's storage.</summary>
    protected Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(TestStorage.Settings, args);
}
