using System.Diagnostics;
using Ingestion.LocalHost;
using Microsoft.Extensions.Configuration;

namespace Ingestion.Cli.Tests;

/// <summary>What scripts rely on: the exit code and a message that says what is wrong.</summary>
public sealed class ErrorTests(AzuriteFixture azurite) : StorageTest(azurite)
{

    [Fact]
    public async Task Unreachable_endpoint_exits_3_within_the_timeout_and_names_the_endpoint()
    {
        var port = FreePorts.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};BlobEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};";
        var stopwatch = Stopwatch.StartNew();

        var run = await RunAsync("status", "--connection", connection, "--timeout", "2");

        Assert.Equal(ExitCodes.StorageUnavailable, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", run.Errors, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("upload", "Container 'missing-container' does not exist")]
    [InlineData("status", "Table 'Missing")]
    public async Task Missing_container_or_table_exits_3_and_names_it(string command, string message)
    {
        var settings = new Dictionary<string, string?>(TestStorage.Settings)
        {
            [Ingestion.Core.IngestionSettingNames.ArticlesTableName] = "MissingTable",
        };

        var run = await CliRun.RunAsync(settings, command == "upload" ? [command, ".", "--container", "missing-container"] : [command]);

        Assert.Equal(ExitCodes.StorageUnavailable, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export --from 2022-02-08 --to 2022-02-07", "after")]
    [InlineData("export --from 2022-02-01", "to")]
    [InlineData("export --from 2022-02-01 --to 2022-02-07 --format xml", "xml")]
    [InlineData("export --from 2022-02-01 --to 2022-02-07 --type SHOUT", "SHOUT")]
    [InlineData("export --from 2022-02-01 --to 2022-02-07 --country FRA", "FRA")]
    [InlineData("export --from 2022-02-01 --to 2022-02-07 --precision hourly", "hourly")]
    [InlineData("upload no-such-path", "no-such-path")]
    [InlineData("upload . --published 14/03/2024", "14/03/2024")]
    [InlineData("status --days 0", "--days")]
    [InlineData("reprocess", "Choose the articles")]
    [InlineData("status --connection x --account y1234", "not both")]
    [InlineData("upload . --container Not_Valid", "container name")]
    [InlineData("frobnicate", "frobnicate")]
    public async Task Bad_arguments_exit_2_with_a_message(string args, string message)
    {
        var run = await RunAsync(args.Split(' '));

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains(message, run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfigured_storage_connection_exits_2_and_names_the_setting()
    {
        var settings = new Dictionary<string, string?>(TestStorage.Settings) { [Ingestion.Core.IngestionSettingNames.StorageConnection] = "" };

        var run = await CliRun.RunAsync(settings, "status");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("is not configured", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_option_reaches_the_account_by_name_through_Core()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Commands.StatusSettings { Account = "newsarchive" }.ToConfiguration())
            .Build();

        var storage = new Ingestion.Core.Storage.StorageClients(configuration, Microsoft.Extensions.Options.Options.Create(new Ingestion.Core.IngestionOptions()));

        Assert.Equal(new Uri("https://newsarchive.blob.core.windows.net"), storage.BlobService.Uri);
        Assert.Equal(new Uri("https://newsarchive.table.core.windows.net"), storage.TableService.Uri);
    }

    [Fact]
    public async Task Cancelled_run_exits_130_and_says_a_rerun_continues()
    {
        var run = await CliRun.RunAsync(TestStorage.Settings, ["reprocess", "--all"], new CancellationToken(canceled: true));

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("run the command again to continue", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upload")]
    [InlineData("status")]
    [InlineData("reprocess")]
    [InlineData("export")]
    public async Task Every_command_explains_itself_and_the_exit_codes(string command)
    {
        var run = await RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("DESCRIPTION:", run.Console, StringComparison.Ordinal);
        Assert.Contains("EXAMPLES:", run.Console, StringComparison.Ordinal);
        Assert.Contains("3    storage unreachable", run.Console, StringComparison.Ordinal);
    }
}
