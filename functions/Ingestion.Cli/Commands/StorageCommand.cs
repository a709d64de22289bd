using Ingestion.Core;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// Runs a command against storage: builds Core's services from the options, checks the account up front, and turns
/// what can go wrong into the documented exit codes, so each command only does its work.
/// </summary>
public abstract class StorageCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : StorageSettings
{
    protected CliEnvironment Environment { get; } = environment;

    /// <summary>What must exist before the command starts.</summary>
    protected abstract StorageNeeds Needs(TSettings settings);

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var services = CliServices.Create(Environment, settings);
        try
        {
            await services.CheckAsync(Needs(settings), TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
            return await RunAsync(services, settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Environment.Errors.MarkupLine("[yellow]Cancelled.[/] What finished is kept; run the command again to continue.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is OptionsValidationException or IngestionConfigurationException)
        {
            Environment.Errors.MarkupLineInterpolated($"[red]Invalid setting:[/] {ex.Message}");
            return ExitCodes.BadArguments;
        }
        catch (FormatException ex)
        {
            // A malformed connection string.
            Environment.Errors.MarkupLineInterpolated($"[red]Invalid connection:[/] {ex.Message}");
            return ExitCodes.BadArguments;
        }
        catch (StorageUnavailableException ex)
        {
            Environment.Errors.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.StorageUnavailable;
        }
        catch (Exception ex) when (StorageFailure.DescribeUnavailable(ex, services.Storage.BlobService.Uri) is { } reason)
        {
            // The account went away or refused access after the check passed.
            Environment.Errors.MarkupLineInterpolated($"[red]{reason}[/]");
            return ExitCodes.StorageUnavailable;
        }
    }

    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    protected abstract Task<int> RunAsync(CliServices services, TSettings settings, CancellationToken cancellationToken);

    /// <summary>Prints the items that failed, with their reasons, and picks the exit code.</summary>
    protected int Summarize(string summary, IReadOnlyCollection<(string Name, string Reason)> failures)
    {
        Environment.Console.MarkupLine(summary);
        foreach (var (name, reason) in failures.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            Environment.Console.MarkupLineInterpolated($"  [red]{name}[/]: {reason}");
        }

        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}
