using Ingestion.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Ingestion.LocalHost;

public static class LocalHostRunner
{
    /// <summary>Prepares local storage, runs the host until it is stopped, then stops the Azurite it started.</summary>
    public static async Task RunLocalHostAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var azurite = await app.StartLocalHostAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Prepares local storage and starts the triggers and routes.</summary>
    /// <returns>The Azurite the host started, if any; dispose it after stopping the app.</returns>
    public static async Task<LocalAzurite> StartLocalHostAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var environment = app.Services.GetRequiredService<LocalEnvironment>();
        var azurite = await environment.PrepareAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        var options = app.Services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LocalHostLog.Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ingestion.LocalHost"),
            string.Join(", ", addresses),
            environment.DescribeStorage(),
            options.ContainerName,
            options.ParseQueueName);
        return azurite;
    }
}
