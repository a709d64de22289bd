using Ingestion.Core;
using Microsoft.Extensions.Configuration;

namespace Ingestion.IntegrationTests;

/// <summary>Settings that give a test its own container, queue and tables in the shared Azurite.</summary>
public sealed class TestStorage
{
    public TestStorage(AzuriteFixture azurite)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        Settings = new Dictionary<string, string?>
        {
            [IngestionSettings.StorageConnection] = azurite.ConnectionString,
            [IngestionSettings.ContainerName] = $"articles-{id}",
            [IngestionSettings.ParseQueueName] = $"parse-{id}",
            [IngestionSettings.EventsTableName] = $"Events{id}",
            [IngestionSettings.ArticlesTableName] = $"Articles{id}",
            [IngestionSettings.EventIndexTableName] = $"EventIndex{id}",
        };
    }

    public Dictionary<string, string?> Settings { get; }

    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
}
