using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

namespace Ingestion.Cli.Tests;

/// <summary>One in-process run of the command line against a test's storage: its exit code, what it told people, and what it wrote as data.</summary>
public sealed record CliRun(int ExitCode, string Console, string Errors, string Output)
{
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) => RunAsync(settings, args, CancellationToken.None);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, string[] args, CancellationToken cancellationToken)
    {
        var console = new TestConsole().Width(250);
        var errors = new TestConsole().Width(250);
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exitCode = await IngestionCli.RunAsync(args, new CliEnvironment(console, errors, output, configuration), cancellationToken);
        return new CliRun(exitCode, console.Output, errors.Output, output.ToString());
    }

    /// <summary>Everything the run printed for people, for messages that may go to either console.</summary>
    public string Text => Console + Errors;
}
