using Ingestion.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Ingestion.Cli;

/// <summary>The <c>ingestion</c> command line: every command and its help in one place; Program and the tests call <see cref="RunAsync"/>.</summary>
public static class IngestionCli
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ingestion");
            config.ConfigureConsole(environment.Console);
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.Registrar.RegisterInstance(TimeProvider.System);
            config.SetHelpProvider(new ExitCodesHelp(config.Settings));
            config.SetExceptionHandler((exception, _) =>
            {
                // The parser's and settings validation's errors; commands map storage failures themselves, so
                // anything else is unexpected.
                if (exception is CommandAppException appException)
                {
                    if (appException.Pretty is { } pretty)
                    {
                        environment.Errors.Write(pretty);
                    }
                    else
                    {
                        environment.Errors.MarkupLineInterpolated($"[red]Error:[/] {exception.Message}");
                    }

                    return ExitCodes.BadArguments;
                }

                environment.Errors.MarkupLineInterpolated($"[red]Unexpected error:[/] {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.SomeFailed;
            });

            config.AddCommand<UploadCommand>("upload")
                .WithDescription("Upload article files to the container, in parallel, skipping files whose content is already there (SHA-256 in blob metadata 'contentsha256').")
                .WithExample("upload", "./articles")
                .WithExample("upload", "report.txt", "--published", "2024-03-14")
                .WithExample("upload", "./articles", "--account", "mystorageaccount", "--container", "articles");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show articles by status (received, processing, processed, failed, deleted), events per day over the last days, and failed articles with their reasons.")
                .WithExample("status")
                .WithExample("status", "--failed")
                .WithExample("status", "--until", "2022-02-07", "--days", "14");
            config.AddCommand<ReprocessCommand>("reprocess")
                .WithDescription("Parse chosen articles again in this process and replace their events, even if this extractor version already parsed them. Safe to interrupt and run again.")
                .WithExample("reprocess", "--failed")
                .WithExample("reprocess", "--older-than-version", "rules-1.0")
                .WithExample("reprocess", "--article", "2024/report.txt", "--article", "notes.txt");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Stream the events dated in a range, page by page, as JSON lines or CSV to standard output or a file.")
                .WithExample("export", "--from", "2022-02-01", "--to", "2022-02-28")
                .WithExample("export", "--from", "2022-01-01", "--to", "2022-12-31", "--format", "csv", "--output", "events-2022.csv");
        });

        return await app.RunAsync(args, cancellationToken);
    }

    /// <summary>Spectre's help with the exit codes under every command's.</summary>
    private sealed class ExitCodesHelp(ICommandAppSettings settings) : HelpProvider(settings)
    {
        public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
            [.. base.GetFooter(model, command), new Text(Environment.NewLine + ExitCodes.Help + Environment.NewLine)];
    }
}
