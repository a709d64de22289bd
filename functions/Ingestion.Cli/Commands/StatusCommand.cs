using System.ComponentModel;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

public sealed class StatusSettings : StorageSettings
{
    [CommandOption("--failed")]
    [Description("List every failed article with its reason (without it, the first 10).")]
    public bool Failed { get; init; }

    [CommandOption("--days <N>")]
    [Description("Days of events per day to count, ending with --until.")]
    [DefaultValue(28)]
    public int Days { get; init; } = 28;

    [CommandOption("--until <DATE>")]
    [Description("Last day (yyyy-MM-dd) of the events per day. Default: today (UTC).")]
    public string? Until { get; init; }

    protected override ValidationResult ValidateCommand()
    {
        if (Until is not null && !TableKeys.TryParseDate(Until, out _))
        {
            return ValidationResult.Error($"--until '{Until}' is not a date (yyyy-MM-dd).");
        }

        return Days is < 1 or > 366 ? ValidationResult.Error("--days must be between 1 and 366.") : ValidationResult.Success();
    }
}

/// <summary>Articles by status, events per day over a bounded range, and the failed articles with their reasons.</summary>
public sealed class StatusCommand(CliEnvironment environment, TimeProvider time) : StorageCommand<StatusSettings>(environment)
{
    private const int DefaultFailedShown = 10;
    private const int PageSize = 1000;

    protected override StorageNeeds Needs(StatusSettings settings) => StorageNeeds.ArticlesTable | StorageNeeds.EventIndexTable;

    protected override async Task<int> RunAsync(CliServices services, StatusSettings settings, CancellationToken cancellationToken)
    {
        var articles = services.Get<ArticleRepository>();
        var console = Environment.Console;

        var counts = Enum.GetValues<ArticleStatus>().ToDictionary(status => status, _ => 0);
        string? token = null;
        do
        {
            (var page, token) = await articles.ListAsync(null, PageSize, token, cancellationToken);
            foreach (var article in page)
            {
                counts[article.Status]++;
            }
        }
        while (token is not null);

        var statusTable = new Table().AddColumns("Articles", "Count");
        foreach (var (status, count) in counts)
        {
            statusTable.AddRow(status.ToString(), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(statusTable);
        await WriteHealthAsync(services.Get<PipelineHealth>(), cancellationToken);

        var until = settings.Until is { } text && TableKeys.TryParseDate(text, out var date) ? date : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = until.AddDays(1 - settings.Days);
        // The per-day count rows, as the dashboard's chart reads them: the cost follows the days, not the events.
        var perDay = await services.Get<EventSummaryService>().SummarizeAsync(new EventQuery(from, until), SummaryGrouping.Day, EventQuery.MaxLimit, cancellationToken);
        var dayTable = new Table().AddColumns("Day", "Events");
        foreach (var day in perDay.Buckets)
        {
            dayTable.AddRow(day.Key, day.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(dayTable);
        console.MarkupLineInterpolated($"{perDay.Buckets.Sum(day => day.Count)} events dated {from:yyyy-MM-dd}..{until:yyyy-MM-dd} (days without events are left out).");

        await WriteFailedAsync(articles, settings.Failed ? int.MaxValue : DefaultFailedShown, counts[ArticleStatus.Failed], cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>What <c>GET /api/health</c> reports, on one line, then each problem.</summary>
    private async Task WriteHealthAsync(PipelineHealth health, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var console = Environment.Console;
        console.MarkupLineInterpolated(
            $"Health: {(report.Healthy ? "healthy" : "unhealthy")}; parse queue {report.ParseQueueLength} (oldest {report.OldestMessageAgeSeconds:0} s), poison queue {report.PoisonQueueLength}, stalled at the last sweep {report.StalledArticles?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no sweep yet)"}");
        foreach (var problem in report.Problems)
        {
            console.MarkupLineInterpolated($"  [red]{problem}[/]");
        }
    }

    private async Task WriteFailedAsync(ArticleRepository articles, int limit, int failedCount, CancellationToken cancellationToken)
    {
        if (failedCount == 0)
        {
            return;
        }

        var console = Environment.Console;
        console.MarkupLine("[red]Failed articles[/]");
        var shown = 0;
        string? token = null;
        do
        {
            (var page, token) = await articles.ListAsync(ArticleStatus.Failed, Math.Min(PageSize, limit - shown), token, cancellationToken);
            foreach (var article in page)
            {
                console.MarkupLineInterpolated($"  [red]{article.Name}[/] ({article.Attempts} attempts, {article.ProcessedAt:yyyy-MM-dd HH:mm} UTC): {article.Error}");
                shown++;
            }
        }
        while (token is not null && shown < limit);

        if (shown < failedCount)
        {
            console.MarkupLineInterpolated($"  ... and {failedCount - shown} more: ingestion status --failed lists them all.");
        }
    }
}
