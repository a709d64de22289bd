using Ingestion.Cli;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the running command so it can stop cleanly; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var environment = new CliEnvironment(
    AnsiConsole.Console,
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
    Console.Out,
    CliEnvironment.ProcessConfiguration());
return await IngestionCli.RunAsync(args, environment, cancellation.Token);
