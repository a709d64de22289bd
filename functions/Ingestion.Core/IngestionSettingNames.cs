namespace Ingestion.Core;

/// <summary>
/// Every configuration name the code reads, in one place: the infra writes exactly these
/// (with <c>__</c> for <c>:</c>) and a test checks that the two agree.
/// </summary>
public static class IngestionSettingNames
{
    /// <summary>The storage connection: a connection string, or identity-based <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c> settings.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public const string Section = "Ingestion";
    public const string ContainerName = Section + ":" + nameof(IngestionOptions.ContainerName);
    public const string ParseQueueName = Section + ":" + nameof(IngestionOptions.ParseQueueName);
    public const string DeletedQueueName = Section + ":" + nameof(IngestionOptions.DeletedQueueName);
    public const string EventsTableName = Section + ":" + nameof(IngestionOptions.EventsTableName);
    public const string ArticlesTableName = Section + ":" + nameof(IngestionOptions.ArticlesTableName);
    public const string EventIndexTableName = Section + ":" + nameof(IngestionOptions.EventIndexTableName);
    public const string ActorsTableName = Section + ":" + nameof(IngestionOptions.ActorsTableName);
    public const string MergedEventsTableName = Section + ":" + nameof(IngestionOptions.MergedEventsTableName);

    /// <summary>Values used where configuration is silent; trigger binding expressions need them as configuration too.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [StorageConnection] = "UseDevelopmentStorage=true",
        [ContainerName] = IngestionOptions.DefaultContainerName,
        [ParseQueueName] = IngestionOptions.DefaultParseQueueName,
        [DeletedQueueName] = IngestionOptions.DefaultDeletedQueueName,
        [EventsTableName] = IngestionOptions.DefaultEventsTableName,
        [ArticlesTableName] = IngestionOptions.DefaultArticlesTableName,
        [EventIndexTableName] = IngestionOptions.DefaultEventIndexTableName,
        [ActorsTableName] = IngestionOptions.DefaultActorsTableName,
        [MergedEventsTableName] = IngestionOptions.DefaultMergedEventsTableName,
    };
}
