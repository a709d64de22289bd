using Ingestion.Core.Storage;
using Ingestion.IntegrationTests;

namespace Ingestion.Cli.Tests;

/// <summary>A test with its own container, queue and tables in the run's Azurite, and Core's services over them to arrange and check.</summary>
[Collection(AzuriteTests.Name)]
public abstract class StorageTest : IAsyncLifetime
{
    protected StorageTest(AzuriteFixture azurite) => TestStorage = new TestStorage(azurite);

    protected TestStorage TestStorage { get; }

    protected CoreServices Core { get; private set; } = null!;

    protected StorageClients Storage => Core.Get<StorageClients>();

    public virtual async Task InitializeAsync() => Core = await CoreServices.CreateAsync(TestStorage);

    public async Task DisposeAsync() => await Core.DisposeAsync();

    /// <summary>Runs the command line against this test's storage.</summary>
    protected Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(TestStorage.Settings, args);
}
