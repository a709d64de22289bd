using System.Text.Json;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.Cli.Tests;

public sealed class ExportCommandTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private IReadOnlyList<EventRecord> _expected = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var eTag = await Articles.UploadAsync(Storage.Articles, Articles.Seed, Articles.Sample(Articles.Seed));
        await Core.Get<ArticleProcessor>().ProcessAsync(new ParseRequest(Articles.Seed, eTag), 1, CancellationToken.None);
        _expected = (await Core.Get<EventQueryService>().QueryAsync(new EventQuery(new DateOnly(2022, 2, 5), new DateOnly(2022, 2, 7), EventQuery.MaxLimit), CancellationToken.None)).Events;
    }

    [Fact]
    public async Task Jsonl_streams_every_event_in_the_range_over_several_pages()
    {
        var run = await RunAsync("export", "--from", "2022-02-05", "--to", "2022-02-07", "--page-size", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.True(_expected.Count > 6, $"only {_expected.Count} events");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var exported = lines.Select(line => JsonSerializer.Deserialize<EventRecord>(line, IngestionJson.Options)!).ToList();
        Assert.Equal(_expected.Select(e => e.Id), exported.Select(e => e.Id));
        Assert.Equal(_expected.Select(e => e.Trigger), exported.Select(e => e.Trigger));
        var pages = (_expected.Count + 2) / 3;
        Assert.Contains($"Exported {_expected.Count} events dated 2022-02-05..2022-02-07 in {pages} pages", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exported", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_are_passed_to_the_query_and_only_matching_events_are_exported()
    {
        var type = _expected.First(e => e.Type is not null).Type!;
        var query = new EventQuery(new DateOnly(2022, 2, 5), new DateOnly(2022, 2, 7), EventQuery.MaxLimit) { Types = [type.Code], Country = "US" };
        var expected = (await Core.Get<EventQueryService>().QueryAsync(query, CancellationToken.None)).Events;

        var run = await RunAsync("export", "--from", "2022-02-05", "--to", "2022-02-07", "--type", type.Label, "--country", "us", "--page-size", "2");

        Assert.Equal(0, run.ExitCode);
        var exported = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<EventRecord>(line, IngestionJson.Options)!).ToList();
        Assert.NotEmpty(exported);
        Assert.True(exported.Count < _expected.Count);
        Assert.Equal(expected.Select(e => e.Id), exported.Select(e => e.Id));
        Assert.All(exported, e => Assert.Equal(type.Code, e.Type?.Code));
    }

    [Fact]
    public async Task Csv_to_a_file_has_a_header_and_one_quoted_row_per_event()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ingestion-export-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await RunAsync("export", "--from", "2022-02-05", "--to", "2022-02-07", "--format", "csv", "--output", file);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Output);
            var lines = await File.ReadAllLinesAsync(file);
            Assert.StartsWith("id,date,dateValue,precision,", lines[0], StringComparison.Ordinal);
            var rows = lines.Skip(1).ToList();
            Assert.Equal(_expected.Count, rows.Count);
            var first = _expected[0];
            Assert.StartsWith($"{first.Id},{first.Date},{first.DateValue},{first.Precision.ToString().ToLowerInvariant()},", rows[0], StringComparison.Ordinal);
            // Sentences hold commas and quotes: each is one quoted field with quotes doubled.
            Assert.Contains($"\"{first.Sentence.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", rows[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
