using Ingestion.Core;
using Microsoft.Extensions.Configuration;

namespace Ingestion.Testing;

/// <summary>Settings that give a test its own container, queue and tables in a shared Azurite.</summary>
public sealed class TestStorage
{
    public TestStorage(AzuriteFixture azurite)
        : this(azurite.ConnectionString)
    {
    }

    public TestStorage(string connectionString)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        Settings = new Dictionary<string, string?>
        {
            [IngestionSettingNames.StorageConnection] = connectionString,
            [IngestionSettingNames.ContainerName] = $"articles-{id}",
            [IngestionSettingNames.ParseQueueName] = $"parse-{id}",
            [IngestionSettingNames.DeletedQueueName] = $"deleted-{id}",
            [IngestionSettingNames.EventsTableName] = $"Events{id}",
            [IngestionSettingNames.ArticlesTableName] = $"Articles{id}",
            [IngestionSettingNames.EventIndexTableName] = $"EventIndex{id}",
            [IngestionSettingNames.ActorsTableName] = $"Actors{id}",
            [IngestionSettingNames.MergedEventsTableName] = $"MergedEvents{id}",
        };
    }

    public Dictionary<string, string?> Settings { get; }

    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();

    /// <summary>The parse queue's poison queue, which the WebJobs queue trigger creates on its first poison message.</summary>
    public string PoisonQueueName => $"{Settings[IngestionSettingNames.ParseQueueName]}-poison";
}
