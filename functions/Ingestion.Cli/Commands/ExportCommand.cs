using System.ComponentModel;
using System.Text;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

public sealed class ExportSettings : StorageSettings
{
    [CommandOption("--from <DATE>", isRequired: true)]
    [Description("First event day (yyyy-MM-dd), inclusive.")]
    public string From { get; init; } = string.Empty;

    [CommandOption("--to <DATE>", isRequired: true)]
    [Description("Last event day (yyyy-MM-dd), inclusive.")]
    public string To { get; init; } = string.Empty;

    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (one event per line, as the API serves it) or csv.")]
    [DefaultValue(EventFormat.Jsonl)]
    public EventFormat Format { get; init; } = EventFormat.Jsonl;

    [CommandOption("--output <FILE>")]
    [Description("File to write. Default: standard output.")]
    public string? Output { get; init; }

    [CommandOption("--page-size <N>")]
    [Description("Events read per storage request; only one page is held in memory.")]
    [DefaultValue(EventQuery.DefaultLimit)]
    public int PageSize { get; init; } = EventQuery.DefaultLimit;

    internal DateOnly FromDate => TableKeys.TryParseDate(From, out var date) ? date : default;

    internal DateOnly ToDate => TableKeys.TryParseDate(To, out var date) ? date : default;

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (!TableKeys.TryParseDate(From, out var from) || !TableKeys.TryParseDate(To, out var to))
        {
            return ValidationResult.Error($"--from '{From}' and --to '{To}' must be dates (yyyy-MM-dd).");
        }

        if (from > to)
        {
            return ValidationResult.Error($"--from {From} is after --to {To}.");
        }

        return PageSize is < 1 or > EventQuery.MaxLimit
            ? ValidationResult.Error($"--page-size must be between 1 and {EventQuery.MaxLimit}.")
            : ValidationResult.Success();
    }
}

/// <summary>Streams events in a date range, page by page from Core's query service, to standard output or a file.</summary>
public sealed class ExportCommand(CliEnvironment environment) : StorageCommand<ExportSettings>(environment)
{
    protected override StorageNeeds Needs => StorageNeeds.EventsTable;

    protected override async Task<int> RunAsync(CliServices services, ExportSettings settings, CancellationToken cancellationToken)
    {
        var queries = services.Get<EventQueryService>();
        await using var file = settings.Output is { } path ? new StreamWriter(path, append: false, new UTF8Encoding(false)) : null;
        var output = file ?? Environment.Output;
        var writer = EventWriters.For(settings.Format, output);
        await writer.WriteHeaderAsync(cancellationToken);

        var query = new EventQuery(settings.FromDate, settings.ToDate, settings.PageSize);
        var (events, pages) = (0, 0);
        do
        {
            var page = await queries.QueryAsync(query, cancellationToken);
            foreach (var record in page.Events)
            {
                await writer.WriteAsync(record, cancellationToken);
            }

            // Each page leaves before the next is read: memory holds one page, and a reader sees progress.
            await output.FlushAsync(cancellationToken);
            events += page.Events.Count;
            pages++;
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        Environment.Errors.MarkupLineInterpolated($"Exported {events} events dated {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} in {pages} pages to {settings.Output ?? "standard output"}.");
        return ExitCodes.Ok;
    }
}
