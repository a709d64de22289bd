using Ingestion.Core;
using Ingestion.IntegrationTests;

namespace Ingestion.Cli.Tests;

internal static class IsolatedStorage
{
    /// <summary>A test's own storage names, the EventIndex table included (TestStorage predates it and would share one).</summary>
    public static TestStorage For(AzuriteFixture azurite)
    {
        var storage = new TestStorage(azurite);
        storage.Settings.TryAdd(IngestionSettings.EventIndexTableName, $"Index{Guid.NewGuid():N}"[..16]);
        return storage;
    }
}
