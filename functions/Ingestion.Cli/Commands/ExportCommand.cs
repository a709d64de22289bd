using System.ComponentModel;
using System.Text;
using Ingestion.Core.Api;
using Ingestion.Core.Queries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

public sealed class ExportSettings : StorageSettings, IEventFilterParameters
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

    [CommandOption("--type <CAMEO>")]
    [Description("Only events of this CAMEO root category, by code (04) or label (CONSULT); repeat for several.")]
    public string[] Types { get; init; } = [];

    [CommandOption("--actor <NAME>")]
    [Description("Only events with this actor or target: an actor id, name or any alias (Macron, President Macron), case- and accent-insensitive.")]
    public string? Actor { get; init; }

    [CommandOption("--location <NAME>")]
    [Description("Only events at this place.")]
    public string? Location { get; init; }

    [CommandOption("--country <CODE>")]
    [Description("Only events with an actor or place in this country (ISO 3166-1 alpha-2, such as FR).")]
    public string? Country { get; init; }

    [CommandOption("--article <NAME>")]
    [Description("Only events from this article (blob name).")]
    public string? Article { get; init; }

    [CommandOption("--precision <PRECISION>")]
    [Description("Only events dated to this precision: day, week, month, quarter, year or decade.")]
    public string? Precision { get; init; }

    string[]? IEventFilterParameters.Type => Types;

    /// <summary>The API's default selection: coded events.</summary>
    string? IEventFilterParameters.Coded => null;

    /// <summary>An export lists mentions.</summary>
    string? IEventFilterParameters.Distinct => null;

    /// <summary>
    /// The range and filters read by the API's rules, under its parameter names (which the options share). An export
    /// streams any range page by page, so the API's longest range does not apply.
    /// </summary>
    private (EventQuery Query, IDictionary<string, string[]> Errors) ReadQuery() => IngestionApi.ReadEventQuery(this, maxDays: int.MaxValue);

    /// <summary>The first page's query, with the API's default selection (coded events); call after validation.</summary>
    internal EventQuery ToQuery() => ReadQuery().Query with { Limit = PageSize };

    protected override ValidationResult ValidateCommand()
    {
        if (ReadQuery().Errors is { Count: > 0 } errors)
        {
            return ValidationResult.Error(string.Join(" ", errors.Select(error => $"--{error.Key}: {string.Join(" ", error.Value)}")));
        }

        return PageSize is < 1 or > EventQuery.MaxLimit
            ? ValidationResult.Error($"--page-size must be between 1 and {EventQuery.MaxLimit}.")
            : ValidationResult.Success();
    }
}

/// <summary>Streams events in a date range, optionally filtered, page by page from Core's query service, to standard output or a file.</summary>
public sealed class ExportCommand(CliEnvironment environment) : StorageCommand<ExportSettings>(environment)
{
    protected override StorageNeeds Needs(ExportSettings settings) =>
        settings.ToQuery() switch
        {
            { Actor: not null } => StorageNeeds.EventsTable | StorageNeeds.EventIndexTable | StorageNeeds.ActorsTable,
            { HasFilters: true } => StorageNeeds.EventsTable | StorageNeeds.EventIndexTable,
            _ => StorageNeeds.EventsTable,
        };

    protected override async Task<int> RunAsync(CliServices services, ExportSettings settings, CancellationToken cancellationToken)
    {
        var queries = services.Get<EventQueryService>();
        await using var file = settings.Output is { } path ? new StreamWriter(path, append: false, new UTF8Encoding(false)) : null;
        var output = file ?? Environment.Output;
        var writer = ExportFormatter.For(settings.Format, output);
        await writer.WriteHeaderAsync(cancellationToken);

        var query = settings.ToQuery();
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
