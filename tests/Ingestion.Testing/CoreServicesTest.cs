using Ingestion.Core.Storage;

namespace Ingestion.Testing;

/// <summary>A test class that drives Core directly: its own tables, queue and container in the shared Azurite, per test.</summary>
public abstract class CoreServicesTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestStorage TestStorage { get; } = new(azurite);

    protected CoreServices Core { get; private set; } = null!;

    protected StorageClients Storage => Core.Get<StorageClients>();

    public virtual async Task InitializeAsync() => Core = await CoreServices.CreateAsync(TestStorage);

    public async Task DisposeAsync() => await Core.DisposeAsync();
}
