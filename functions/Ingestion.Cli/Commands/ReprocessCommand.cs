using System.Collections.Concurrent;
using System.ComponentModel;
using Azure;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

public sealed class ReprocessSettings : StorageSettings
{
    [CommandOption("--failed")]
    [Description("Reprocess the articles whose last parse failed.")]
    public bool Failed { get; init; }

    [CommandOption("--older-than-version <VERSION>")]
    [Description("Reprocess the articles parsed by an extractor version before this one (e.g. rules-1.1; numbers compare as numbers), or never parsed.")]
    public string? OlderThanVersion { get; init; }

    [CommandOption("--article <NAME>")]
    [Description("Reprocess this blob; repeat the option for several.")]
    public string[] Articles { get; init; } = [];

    [CommandOption("--all")]
    [Description("Reprocess every article.")]
    public bool All { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Articles parsed at once. Default: the number of processors.")]
    public int? Parallel { get; init; }

    protected override ValidationResult ValidateCommand()
    {
        if (!Failed && OlderThanVersion is null && Articles.Length == 0 && !All)
        {
            return ValidationResult.Error("Choose the articles: --failed, --older-than-version, --article NAME, or --all.");
        }

        if (Articles.Length > 0 && (Failed || OlderThanVersion is not null || All))
        {
            return ValidationResult.Error("--article names the articles itself; do not combine it with --failed, --older-than-version or --all.");
        }

        return Parallel is < 1 or > 64 ? ValidationResult.Error("--parallel must be between 1 and 64.") : ValidationResult.Success();
    }
}

/// <summary>
/// Parses chosen articles again in this process with Core's processor, replacing their events. Each article is
/// claimed, parsed and completed on its own, so an interrupted run leaves every article either done or as it was,
/// and running the same command again picks up what is left (--failed and --older-than-version no longer match done ones).
/// </summary>
public sealed class ReprocessCommand(CliEnvironment environment) : StorageCommand<ReprocessSettings>(environment)
{
    private const int PageSize = 100;

    protected override StorageNeeds Needs(ReprocessSettings settings) => StorageNeeds.Container | StorageNeeds.ArticlesTable | StorageNeeds.EventsTable | StorageNeeds.EventIndexTable | StorageNeeds.ActorsTable | StorageNeeds.MergedEventsTable;

    protected override async Task<int> RunAsync(CliServices services, ReprocessSettings settings, CancellationToken cancellationToken)
    {
        var processor = services.Get<ArticleProcessor>();
        var articles = services.Get<ArticleRepository>();
        var container = services.Storage.Articles;
        var reprocessed = 0;
        var events = 0;
        var failures = new ConcurrentBag<(string Name, string Reason)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel ?? System.Environment.ProcessorCount, CancellationToken = cancellationToken };

        await Environment.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Reprocessing", maxValue: 0);
            await foreach (var page in ChooseAsync(articles, settings, cancellationToken))
            {
                task.MaxValue += page.Count;
                await System.Threading.Tasks.Parallel.ForEachAsync(page, parallel, async (name, token) =>
                {
                    var (processed, reason) = await ReprocessAsync(processor, articles, container.GetBlobClient(name), token);
                    if (processed is { } count)
                    {
                        Interlocked.Increment(ref reprocessed);
                        Interlocked.Add(ref events, count);
                    }
                    else
                    {
                        failures.Add((name, reason!));
                    }

                    task.Increment(1);
                });
            }
        });

        return Summarize($"Reprocessed [green]{reprocessed}[/] articles ({events} events written), failed or busy [red]{failures.Count}[/].", failures);
    }

    /// <returns>The number of events written, or why the article was not reprocessed.</returns>
    private static async Task<(int? Events, string? Reason)> ReprocessAsync(ArticleProcessor processor, ArticleRepository articles, Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        string eTag;
        try
        {
            eTag = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, "the blob no longer exists");
        }

        try
        {
            if (await processor.ReprocessAsync(new ParseRequest(blob.Name, eTag), cancellationToken) == ArticleClaimOutcome.Busy)
            {
                return (null, "busy: another parser holds it; run again later");
            }
        }
        catch (ArticleBusyException)
        {
            return (null, "busy: another parser holds it; run again later");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The processor has recorded the failure on the article's row; this is the same reason.
            return (null, ex.Message);
        }

        var row = await articles.GetAsync(blob.Name, cancellationToken);
        return row switch
        {
            { Status: ArticleStatus.Processed } => (row.EventCount, null),
            { Status: ArticleStatus.Failed } => (null, row.Error ?? "failed"),
            // The blob changed while we read it: the pipeline parses the new version on its own.
            _ => (null, "the blob changed while it was being reprocessed; its new version is parsed by the pipeline"),
        };
    }

    /// <summary>The chosen articles' names, a page at a time, so a large table is never held in memory.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<string>> ChooseAsync(ArticleRepository articles, ReprocessSettings settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (settings.Articles.Length > 0)
        {
            yield return settings.Articles.Distinct(StringComparer.Ordinal).ToList();
            yield break;
        }

        string? token = null;
        do
        {
            (var page, token) = await articles.ListAsync(settings.Failed ? ArticleStatus.Failed : null, PageSize, token, cancellationToken);
            yield return page
                .Where(article => article.Status != ArticleStatus.Deleted)
                .Where(article => settings.OlderThanVersion is not { } version || ExtractorVersions.Compare(article.ExtractorVersion, version) < 0)
                .Select(article => article.Name)
                .ToList();
        }
        while (token is not null);
    }
}
