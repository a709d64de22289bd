using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Identity;
using Ingestion.Core;
using Ingestion.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestion.Functions.Tests;

public sealed class WorkerSetupTests
{
    [Fact]
    public void Every_function_class_can_be_activated_from_the_workers_services()
    {
        using var host = FunctionsHost.Create();

        Assert.NotEmpty(FunctionsHost.FunctionClasses);
        Assert.All(FunctionsHost.FunctionClasses, type => Assert.IsType(type, ActivatorUtilities.CreateInstance(host.Services, type)));
    }

    [Fact]
    public void The_worker_reads_the_parse_request_Core_writes()
    {
        using var host = FunctionsHost.Create();
        var sent = new ParseRequest("2022/article.txt", "\"0x8DC0000000000001\"", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        var received = host.BindQueueMessage<ParseRequest>(BinaryData.FromString(JsonSerializer.Serialize(sent, IngestionJson.Options)));

        Assert.Equal(sent, received);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3")]
    [InlineData("9")]
    public void Core_attempts_a_parse_request_as_often_as_the_host_delivers_it_whatever_is_configured(string? maxDequeueCount)
    {
        var settings = new Dictionary<string, string?>(IngestionSettingNames.Defaults)
        {
            [$"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxParseAttempts)}"] = "7",
            [IngestionFunctionsExtensions.MaxDequeueCountSetting] = maxDequeueCount,
        };
        using var host = FunctionsHost.Create(settings);

        var delivered = maxDequeueCount is null ? HostJson.Queues["maxDequeueCount"]!.GetValue<int>() : int.Parse(maxDequeueCount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(delivered, host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxParseAttempts);
    }

    [Fact]
    public void Local_settings_example_sets_every_setting_Core_reads_to_its_default()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local.settings.example.json")))!["Values"]!.AsObject();

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());
        Assert.Equal(
            IngestionSettingNames.Defaults.Select(setting => (setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value)).Order(),
            values.Where(value => value.Key != "FUNCTIONS_WORKER_RUNTIME").Select(value => (value.Key, (string?)value.Value!.GetValue<string>())).Order());
    }

    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Telemetry_uses_a_managed_identity_only_when_the_authentication_string_asks_for_Entra(string? authenticationString, bool managedIdentity)
    {
        var credential = IngestionFunctionsExtensions.CreateTelemetryCredential(authenticationString);

        Assert.Equal(managedIdentity, credential is ManagedIdentityCredential);
        Assert.Equal(managedIdentity, credential is not null);
    }
}
