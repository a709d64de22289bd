using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ingestion.Core.Storage;

/// <summary>
/// The long-lived storage clients the pipeline uses, built once from the <c>AzureWebJobsStorage</c> connection:
/// a connection string locally, identity-based service URIs in Azure (the same settings the Functions host reads).
/// </summary>
public sealed class StorageClients
{
    public StorageClients(IConfiguration configuration, IOptions<IngestionOptions> options)
        : this(configuration, options, new TableClientOptions())
    {
    }

    /// <param name="tableOptions">Lets tests watch the table requests (Azurite accepts transactions Azure rejects).</param>
    internal StorageClients(IConfiguration configuration, IOptions<IngestionOptions> options, TableClientOptions tableOptions)
    {
        var names = options.Value;
        var connection = StorageConnection.From(configuration, IngestionSettingNames.StorageConnection);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }; // what the queue triggers expect
        if (connection.ConnectionString is { } connectionString)
        {
            BlobService = new BlobServiceClient(connectionString);
            QueueService = new QueueServiceClient(connectionString, queueOptions);
            TableService = new TableServiceClient(connectionString, tableOptions);
        }
        else
        {
            BlobService = new BlobServiceClient(connection.BlobServiceUri, connection.Credential);
            QueueService = new QueueServiceClient(connection.QueueServiceUri, connection.Credential, queueOptions);
            TableService = new TableServiceClient(connection.TableServiceUri, connection.Credential, tableOptions);
        }

        Articles = BlobService.GetBlobContainerClient(names.ContainerName);
        ParseQueue = QueueService.GetQueueClient(names.ParseQueueName);
        DeletedQueue = QueueService.GetQueueClient(names.DeletedQueueName);
        EventsTable = TableService.GetTableClient(names.EventsTableName);
        ArticlesTable = TableService.GetTableClient(names.ArticlesTableName);
        EventIndexTable = TableService.GetTableClient(names.EventIndexTableName);
        ActorsTable = TableService.GetTableClient(names.ActorsTableName);
        MergedEventsTable = TableService.GetTableClient(names.MergedEventsTableName);
    }

    public BlobServiceClient BlobService { get; }

    public QueueServiceClient QueueService { get; }

    public TableServiceClient TableService { get; }

    /// <summary>The container people drop articles into.</summary>
    public BlobContainerClient Articles { get; }

    public QueueClient ParseQueue { get; }

    /// <summary>Event Grid's BlobDeleted events for the container, in Azure.</summary>
    public QueueClient DeletedQueue { get; }

    public TableClient EventsTable { get; }

    public TableClient ArticlesTable { get; }

    /// <summary>Copies of events keyed by article, actor, location, country and type, and per-day counts: see <see cref="EventIndexKeys"/>.</summary>
    public TableClient EventIndexTable { get; }

    /// <summary>Actors with their aliases and event counts, each article's contribution to them, and the alias index: see <see cref="Actors.ActorKeys"/>.</summary>
    public TableClient ActorsTable { get; }

    /// <summary>Events merged across their mentions, each article's share of them, and each article's listing: see <see cref="Merging.MergedEventKeys"/>.</summary>
    public TableClient MergedEventsTable { get; }

    /// <summary>Creates the container, queue and tables where they are missing (the local host and tests; in Azure the infra creates them).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await ParseQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DeletedQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await EventsTable.CreateIfNotExistsAsync(cancellationToken);
        await ArticlesTable.CreateIfNotExistsAsync(cancellationToken);
        await EventIndexTable.CreateIfNotExistsAsync(cancellationToken);
        await ActorsTable.CreateIfNotExistsAsync(cancellationToken);
        await MergedEventsTable.CreateIfNotExistsAsync(cancellationToken);
    }
}

/// <summary>The two shapes of the storage connection setting, parsed the way the Functions host parses them.</summary>
internal sealed record StorageConnection(string? ConnectionString, Uri BlobServiceUri, Uri QueueServiceUri, Uri TableServiceUri, TokenCredential Credential)
{
    public static StorageConnection From(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section.Value, null!, null!, null!, null!);
        }

        var accountName = section["accountName"];
        Uri ServiceUri(string service) =>
            section[$"{service}ServiceUri"] is { Length: > 0 } uri ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
            : throw new IngestionConfigurationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__{service}ServiceUri' (or '{name}__accountName') for identity-based access.");

        TokenCredential credential = section["credential"] is { } kind && kind.Equals("managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(null, ServiceUri("blob"), ServiceUri("queue"), ServiceUri("table"), credential);
    }
}
