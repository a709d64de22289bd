using System.ComponentModel.DataAnnotations;
using Ingestion.Core.Articles;

namespace Ingestion.Core;

/// <summary>Names of the storage resources the pipeline uses, bound from the <c>Ingestion</c> section.</summary>
public sealed class IngestionOptions
{
    public const string DefaultContainerName = "articles";
    public const string DefaultParseQueueName = "articles-to-parse";
    public const string DefaultDeletedQueueName = "articles-deleted";
    public const string DefaultEventsTableName = "Events";
    public const string DefaultArticlesTableName = "Articles";
    public const string DefaultEventIndexTableName = "EventIndex";
    public const string DefaultActorsTableName = "Actors";
    public const string DefaultMergedEventsTableName = "MergedEvents";
    public const int DefaultMaxParseAttempts = 5;

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Ingestion:ContainerName must be a valid blob container name (3-63 lowercase letters, digits and single hyphens).")]
    public string ContainerName { get; set; } = DefaultContainerName;

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Ingestion:ParseQueueName must be a valid queue name (3-63 lowercase letters, digits and single hyphens).")]
    public string ParseQueueName { get; set; } = DefaultParseQueueName;

    /// <summary>Where Event Grid delivers the container's BlobDeleted events in Azure (the local watcher needs no queue).</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Ingestion:DeletedQueueName must be a valid queue name (3-63 lowercase letters, digits and single hyphens).")]
    public string DeletedQueueName { get; set; } = DefaultDeletedQueueName;

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Ingestion:EventsTableName must be a valid table name (3-63 letters and digits, starting with a letter).")]
    public string EventsTableName { get; set; } = DefaultEventsTableName;

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Ingestion:ArticlesTableName must be a valid table name (3-63 letters and digits, starting with a letter).")]
    public string ArticlesTableName { get; set; } = DefaultArticlesTableName;

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Ingestion:EventIndexTableName must be a valid table name (3-63 letters and digits, starting with a letter).")]
    public string EventIndexTableName { get; set; } = DefaultEventIndexTableName;

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Ingestion:ActorsTableName must be a valid table name (3-63 letters and digits, starting with a letter).")]
    public string ActorsTableName { get; set; } = DefaultActorsTableName;

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Ingestion:MergedEventsTableName must be a valid table name (3-63 letters and digits, starting with a letter).")]
    public string MergedEventsTableName { get; set; } = DefaultMergedEventsTableName;

    /// <summary>Articles larger than this are recorded as failed without being read into memory.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Text articles longer than this many characters are read, extracted and written in segments of about this size,
    /// so their memory does not grow with their length.
    /// </summary>
    [Range(ArticleReader.MinSegmentChars, 64 * 1024 * 1024)]
    public int SegmentChars { get; set; } = ArticleReader.DefaultSegmentChars;

    /// <summary>
    /// Articles yielding more events are recorded as failed with nothing written. The largest real article in the
    /// samples and the evaluation set yields under a hundred; a long feature a few hundred.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerArticle { get; set; } = 2_000;

    /// <summary>Articles with a sentence yielding more events are recorded as failed; real sentences yield at most about a dozen.</summary>
    [Range(1, 10_000)]
    public int MaxEventsPerSentence { get; set; } = 50;

    /// <summary>The longest date range one events query may ask for, in days.</summary>
    [Range(1, 100_000)]
    public int MaxQueryDays { get; set; } = 3660;

    /// <summary>
    /// How long an article may wait as received, or sit under an expired lease, before the sweeper offers it again.
    /// Longer than a parse-queue backlog normally lasts, so waiting requests are not duplicated.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Parse attempts before an article is recorded as failed; matches the queue's poison threshold.</summary>
    [Range(1, 100)]
    public int MaxParseAttempts { get; set; } = DefaultMaxParseAttempts;
}
