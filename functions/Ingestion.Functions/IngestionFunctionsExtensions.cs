using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Ingestion.Core;
using Ingestion.Core.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ingestion.Functions;

public static class IngestionFunctionsExtensions
{
    internal const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    internal const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The app setting that overrides host.json's queue delivery count (<c>__</c> for <c>:</c> in Azure).</summary>
    internal const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    /// <summary>Everything the worker needs: ASP.NET Core HTTP, Core's services and telemetry.</summary>
    public static FunctionsApplicationBuilder AddIngestionFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.AddIngestionCore();

        // The processor's last attempt is the queue's last delivery: taken from the host's setting, so that
        // Ingestion:MaxParseAttempts cannot drift from it in Azure.
        var maxDequeueCount = MaxDequeueCount(builder.Configuration, AppContext.BaseDirectory);
        builder.Services.PostConfigure<IngestionOptions>(options => options.MaxParseAttempts = maxDequeueCount);
        builder.AddIngestionTelemetry();
        return builder;
    }

    /// <summary>How often the Functions host delivers a queue message: an app setting over host.json over the extension's default (5).</summary>
    internal static int MaxDequeueCount(IConfiguration configuration, string appDirectory)
    {
        if (configuration.GetValue<int?>(MaxDequeueCountSetting) is { } setting)
        {
            return setting;
        }

        var hostJson = Path.Combine(appDirectory, "host.json");
        return File.Exists(hostJson) && JsonNode.Parse(File.ReadAllText(hostJson))?["extensions"]?["queues"]?["maxDequeueCount"] is { } count
            ? count.GetValue<int>()
            : IngestionOptions.DefaultMaxParseAttempts;
    }

    /// <summary>
    /// OpenTelemetry with the Functions worker's resource and trace context, plus Core's meter and source.
    /// Exports to Azure Monitor only where Application Insights is configured, so local runs and tests stay offline.
    /// </summary>
    private static void AddIngestionTelemetry(this FunctionsApplicationBuilder builder)
    {
        var openTelemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(IngestionTelemetry.Name))
            .WithTracing(tracing => tracing.AddSource(IngestionTelemetry.Name))
            .UseFunctionsWorkerDefaults();

        if (!string.IsNullOrEmpty(builder.Configuration[ConnectionStringSetting]))
        {
            var credential = CreateTelemetryCredential(builder.Configuration[AuthenticationStringSetting]);
            openTelemetry.UseAzureMonitorExporter(options => options.Credential = credential);
        }
    }

    /// <summary>
    /// The exporter does not read <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> itself (the Functions host does);
    /// with local authentication disabled on the component, the worker must present the same managed identity.
    /// </summary>
    /// <returns>A managed identity credential for <c>ClientId=…;Authorization=AAD</c>, otherwise null (key-based ingestion).</returns>
    internal static TokenCredential? CreateTelemetryCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);

        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
