using Ingestion.Core;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Ingestion.Cli;

/// <summary>What a command talks to besides storage; tests pass their own consoles, writer and settings.</summary>
/// <param name="Console">Reports for people: tables, progress, summaries.</param>
/// <param name="Errors">Errors, and the export's summary, so that data written to standard output stays clean.</param>
/// <param name="Output">Standard output, for exported data.</param>
/// <param name="Configuration">Settings under the names the hosts use (<see cref="IngestionSettingNames"/>); options override them.</param>
public sealed record CliEnvironment(IAnsiConsole Console, IAnsiConsole Errors, TextWriter Output, IConfiguration Configuration)
{
    /// <summary>Core's defaults (Azurite), overridden by environment variables such as <c>AzureWebJobsStorage</c> or <c>Ingestion__ContainerName</c>.</summary>
    public static IConfiguration ProcessConfiguration() => new ConfigurationBuilder()
        .AddInMemoryCollection(IngestionSettingNames.Defaults)
        .AddEnvironmentVariables()
        .Build();
}
