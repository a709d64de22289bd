using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Ingestion.Core;
using Ingestion.Core.Actors;
using Ingestion.Core.Extraction;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ingestion.IntegrationTests;

/// <summary>Articles longer than a segment (2,000 characters here), extracted and written segment by segment, against Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed partial class SegmentedArticleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Name = "long.txt";
    private const int SegmentChars = 2_000;
    private const int Paragraphs = 150;

    private readonly TestStorage _storage = new(azurite);
    private readonly TransactionRecorder _transactions = new();
    private CoreServices _core = null!;

    private StorageClients Storage => _core.Get<StorageClients>();

    public async Task InitializeAsync() => _core = await CreateCoreAsync(new ScriptedExtractor());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Long_article_gets_the_events_of_every_segment_as_if_read_whole()
    {
        var text = LongArticle(Paragraphs, "Macron visited Paris on Monday. Troops attacked the town on Tuesday.");
        var eTag = await Articles.UploadAsync(Storage.Articles, Name, text);
        await using var whole = await CoreServices.CreateAsync(new TestStorage(azurite));
        var wholeETag = await Articles.UploadAsync(whole.Get<StorageClients>().Articles, Name, text);

        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 1, CancellationToken.None);
        await whole.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, wholeETag), 1, CancellationToken.None);

        var article = await _core.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        var rows = await Tables.AllRowsAsync(Storage.EventsTable);
        Assert.Equal(ArticleStatus.Processed, article!.Status);
        Assert.True(text.Length > 5 * SegmentChars, "the article spans several segments");
        Assert.Equal(article.EventCount, rows.Count);
        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => TableKeys.EventRowKey(TableKeys.ArticleKey(Name), i)), rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.All(Enumerable.Range(0, Paragraphs), i => Assert.Contains(rows, row => row.GetString("Sentence")!.Contains($"Paragraph {i}:", StringComparison.Ordinal)));

        // The same article read as one segment: the same events, index rows and counts, and the same content hash.
        var wholeArticle = await whole.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        Assert.Equal(rows.Select(Tables.Shape).Order(), (await Tables.AllRowsAsync(whole.Get<StorageClients>().EventsTable)).Select(Tables.Shape).Order());
        Assert.Equal(IndexShapes(await Tables.AllRowsAsync(whole.Get<StorageClients>().EventIndexTable)), IndexShapes(await Tables.AllRowsAsync(Storage.EventIndexTable)));
        Assert.Equal(wholeArticle!.ContentHash, article.ContentHash);
        await AssertIndexMatchesEventsAsync();
        AssertTransactionsAzureAccepts();

        // The actors' counts, contributions and aliases too; Macron counts every event he takes part in.
        var actors = await Tables.AllRowsAsync(Storage.ActorsTable);
        Assert.Equal(ActorShapes(await Tables.AllRowsAsync(whole.Get<StorageClients>().ActorsTable)), ActorShapes(actors));
        var macron = Assert.Single(actors, row => row.PartitionKey == "person:emmanuel-macron" && row.RowKey == ActorKeys.ActorRow);
        Assert.Equal(rows.Select(EventEntityMapper.FromEntity).Count(e => e.Actors.Concat(e.Targets).Any(a => a.Id == macron.PartitionKey)), macron.GetInt32("Count"));
        Assert.True(macron.GetInt32("Count") >= Paragraphs, $"{macron.GetInt32("Count")} events with Macron");
    }

    private static List<string> ActorShapes(List<TableEntity> rows) =>
        rows.Select(row => $"{row.PartitionKey}/{row.RowKey}/{row.GetInt32("Count")}/{row.GetString("FirstDate")}/{row.GetString("LastDate")}/{row.GetString("Aliases")}").Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData(60)] // long again: delete, then write segment by segment
    [InlineData(3)] // short: one segment, replaced in place
    public async Task Long_article_changed_leaves_only_the_new_versions_rows(int paragraphs)
    {
        var v1 = await Articles.UploadAsync(Storage.Articles, Name, LongArticle(Paragraphs, "the minister visited Paris on Monday. Troops attacked the town on Tuesday."));
        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, v1), 1, CancellationToken.None);
        var v2 = await Articles.UploadAsync(Storage.Articles, Name, LongArticle(paragraphs, "the general met Olaf Scholz in Berlin on Friday.", "2023-06-10"));

        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, v2), 1, CancellationToken.None);

        var article = await _core.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        var rows = await Tables.AllRowsAsync(Storage.EventsTable);
        Assert.Equal((ArticleStatus.Processed, v2), (article!.Status, article.ProcessedBlobETag));
        Assert.Equal(article.EventCount, rows.Count);
        Assert.All(rows, row => Assert.StartsWith("2023-06-", row.PartitionKey, StringComparison.Ordinal));
        await AssertIndexMatchesEventsAsync();
        AssertTransactionsAzureAccepts();
    }

    [Fact]
    public async Task New_extractor_version_of_a_long_article_leaves_only_its_rows()
    {
        var eTag = await Articles.UploadAsync(Storage.Articles, Name, LongArticle(Paragraphs, "the minister visited Paris on Monday. Troops attacked the town on Tuesday."));
        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 1, CancellationToken.None);

        await using var upgraded = await CreateCoreAsync(new ScriptedExtractor("rules-next", keepEvents: 2));
        await upgraded.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 1, CancellationToken.None);

        var rows = await Tables.AllRowsAsync(Storage.EventsTable);
        var article = await _core.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        Assert.True(rows.Count > 2, "each segment keeps two events");
        Assert.Equal(("rules-next", rows.Count), (article!.ExtractorVersion, article.EventCount));
        Assert.All(rows, row => Assert.Equal("rules-next", row.GetString("ExtractorVersion")));
        await AssertIndexMatchesEventsAsync();
    }

    [Fact]
    public async Task Long_article_whose_parse_died_after_some_segments_is_cleaned_up_by_the_next_attempt()
    {
        var text = LongArticle(Paragraphs, "the minister visited Paris on Monday. Troops attacked the town on Tuesday.")
            .Replace("Paragraph 80:", $"Paragraph 80: {ScriptedExtractor.FailsOnce}", StringComparison.Ordinal);
        var eTag = await Articles.UploadAsync(Storage.Articles, Name, text);
        await _core.Get<ArticleIntake>().ReceiveAsync(Name, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 1, CancellationToken.None));
        var left = await Tables.AllRowsAsync(Storage.EventsTable);
        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 2, CancellationToken.None);

        var article = await _core.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        var rows = await Tables.AllRowsAsync(Storage.EventsTable);
        Assert.NotEmpty(left);
        Assert.Equal((ArticleStatus.Processed, 2), (article!.Status, article.Attempts));
        Assert.Equal(article.EventCount, rows.Count);
        await AssertIndexMatchesEventsAsync();
    }

    [Fact]
    public async Task Long_article_unreadable_after_its_first_segments_fails_and_leaves_no_rows()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes(LongArticle(Paragraphs, "the minister visited Paris on Monday.")), 0xC3, 0x28];
        var response = await Storage.Articles.GetBlobClient(Name).UploadAsync(new BinaryData(content), CancellationToken.None);

        await _core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, response.Value.ETag.ToString()), 1, CancellationToken.None);

        var article = await _core.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        Assert.Equal(ArticleStatus.Failed, article!.Status);
        Assert.Contains("not valid UTF-8", article.Error, StringComparison.Ordinal);
        Assert.Empty(await Tables.AllRowsAsync(Storage.EventsTable));
        Assert.Empty(await Tables.AllRowsAsync(Storage.EventIndexTable));
    }

    [Fact]
    public async Task Long_article_that_outlasts_its_lease_keeps_it_and_completes()
    {
        // Two minutes pass at every look at the clock, so the lease is extended after every part written.
        await using var slow = await CreateCoreAsync(new ScriptedExtractor(), new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMinutes(2) });
        var eTag = await Articles.UploadAsync(Storage.Articles, Name, LongArticle(Paragraphs, "the minister visited Paris on Monday."));

        await slow.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Name, eTag), 1, CancellationToken.None);

        var article = await slow.Get<ArticleRepository>().GetAsync(Name, CancellationToken.None);
        Assert.Equal(ArticleStatus.Processed, article!.Status);
        Assert.Equal(article.EventCount, (await Tables.AllRowsAsync(Storage.EventsTable)).Count);
    }

    [Fact]
    public void Segment_size_is_validated_at_start()
    {
        var options = new IngestionOptions { SegmentChars = 10 };

        var result = new DataAnnotationValidateOptions<IngestionOptions>(null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(IngestionOptions.SegmentChars), result.FailureMessage, StringComparison.Ordinal);
    }

    private static string LongArticle(int paragraphs, string sentence, string date = "2023-05-10") =>
        $" date {date}\n" + string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(i => $"Paragraph {i}: {sentence}"));

    /// <summary>Index rows without the article's key, to compare two storages.</summary>
    private static List<string> IndexShapes(List<TableEntity> rows) =>
        rows.Select(row => $"{(row.PartitionKey.StartsWith("article|", StringComparison.Ordinal) ? "article" : row.PartitionKey)}/{row.RowKey[..Math.Min(row.RowKey.Length, 11)]}{row.RowKey[^5..]}/{row.GetInt32(EventCounts.Total)}/{row.GetString(EventCounts.Actors)}/{row.GetString(EventCounts.Types)}/{row.GetString("Trigger")}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private Task<CoreServices> CreateCoreAsync(IEventExtractor extractor, TimeProvider? time = null)
    {
        _storage.Settings[$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.SegmentChars)}"] = SegmentChars.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(_transactions, HttpPipelinePosition.PerCall);
        return CoreServices.CreateAsync(_storage, services =>
        {
            services.AddSingleton(extractor);
            services.AddSingleton(time ?? TimeProvider.System);
            services.AddSingleton(provider => new StorageClients(_storage.Configuration, provider.GetRequiredService<IOptions<IngestionOptions>>(), tableOptions));
        });
    }

    /// <summary>EventIndex holds exactly the copies, listing and day counts of the rows in Events: nothing stale, nothing missing.</summary>
    private async Task AssertIndexMatchesEventsAsync()
    {
        var key = TableKeys.ArticleKey(Name);
        var events = await Tables.AllRowsAsync(Storage.EventsTable);
        var records = events.Select(EventEntityMapper.FromEntity).ToList();
        var expected = events.Zip(records)
            .SelectMany(pair => EventIndexKeys.Partitions(pair.Second, key).Select(partition => $"{partition}/{EventIndexKeys.SortKey(pair.First.PartitionKey, pair.First.RowKey)}"))
            .Concat(records.Select(r => $"{EventIndexKeys.CountPartition(r.Date)}/{key}").Distinct())
            .Order(StringComparer.Ordinal);
        var index = await Tables.AllRowsAsync(Storage.EventIndexTable);

        Assert.Equal(expected, index.Select(row => $"{row.PartitionKey}/{row.RowKey}").Order(StringComparer.Ordinal));
        Assert.Equal(events.Count, index.Where(row => row.PartitionKey.StartsWith("count|", StringComparison.Ordinal)).Sum(row => row.GetInt32(EventCounts.Total)));
    }

    /// <summary>Azure takes transactions of one partition and at most 100 actions; Azurite takes any, so they are checked here.</summary>
    private void AssertTransactionsAzureAccepts()
    {
        Assert.NotEmpty(_transactions.Partitions);
        Assert.All(_transactions.Partitions, partitions =>
        {
            Assert.InRange(partitions.Count, 1, TableTransactions.MaxActionsPerTransaction);
            Assert.Single(partitions.Distinct());
        });
    }

    /// <summary>Records the partition key of every action of every table transaction (a <c>$batch</c> request).</summary>
    private sealed partial class TransactionRecorder : HttpPipelineSynchronousPolicy
    {
        public ConcurrentBag<List<string>> Partitions { get; } = [];

        public override void OnSendingRequest(HttpMessage message)
        {
            if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is not { } content)
            {
                return;
            }

            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            Partitions.Add(ActionKey().Matches(Encoding.UTF8.GetString(body.ToArray())).Select(match => match.Groups["partition"].Value).ToList());
        }

        // Each action of a transaction addresses its entity as Table(PartitionKey='…',RowKey='…').
        [GeneratedRegex(@"\(PartitionKey='(?<partition>[^']*)',RowKey=")]
        private static partial Regex ActionKey();
    }
}
