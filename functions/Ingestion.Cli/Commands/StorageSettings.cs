using System.ComponentModel;
using System.Text.RegularExpressions;
using Ingestion.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>Options every command shares: which storage account and container to use.</summary>
public partial class StorageSettings : CommandSettings
{
    [CommandOption("--connection <STRING>")]
    [Description("Storage connection string. Default: AzureWebJobsStorage from the environment, else Azurite (UseDevelopmentStorage=true).")]
    public string? Connection { get; init; }

    [CommandOption("--account <NAME>")]
    [Description("Storage account name, reached with your Azure identity (DefaultAzureCredential: az login, environment, managed identity).")]
    public string? Account { get; init; }

    [CommandOption("--container <NAME>")]
    [Description("Article container. Default: Ingestion__ContainerName from the environment, else 'articles'.")]
    public string? Container { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the storage account to answer before giving up.")]
    [DefaultValue(10)]
    public int TimeoutSeconds { get; init; } = 10;

    public sealed override ValidationResult Validate()
    {
        if (Connection is not null && Account is not null)
        {
            return ValidationResult.Error("Give either --connection or --account, not both.");
        }

        if (Account is not null && !AccountName().IsMatch(Account))
        {
            return ValidationResult.Error($"'{Account}' is not a storage account name (3-24 lowercase letters and digits).");
        }

        return TimeoutSeconds is < 1 or > 600
            ? ValidationResult.Error("--timeout must be between 1 and 600 seconds.")
            : ValidateCommand();
    }

    /// <summary>Checks the command's own options, once the shared ones are valid.</summary>
    protected virtual ValidationResult ValidateCommand() => ValidationResult.Success();

    /// <summary>The options as configuration under the hosts' names, to lay over the environment's.</summary>
    internal Dictionary<string, string?> ToConfiguration()
    {
        var settings = new Dictionary<string, string?>();
        if (Connection is not null)
        {
            settings[IngestionSettingNames.StorageConnection] = Connection;
        }

        if (Account is not null)
        {
            // Clearing the connection string makes StorageClients reach the account by name with an Azure identity.
            settings[IngestionSettingNames.StorageConnection] = null;
            settings[$"{IngestionSettingNames.StorageConnection}:accountName"] = Account;
        }

        if (Container is not null)
        {
            settings[IngestionSettingNames.ContainerName] = Container;
        }

        return settings;
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountName();
}
