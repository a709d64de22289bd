using Ingestion.Core;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration.Memory;

namespace Ingestion.LocalHost;

public static class LocalHostExtensions
{
    /// <summary>The port <c>func start</c> uses, so dashboards work against either host.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Loopback only: the local host has no authentication, so nothing off this machine may reach it.</summary>
    public static string DefaultUrl(int port) => $"http://localhost:{port}";

    /// <summary>Registers Core, the container watcher, the WebJobs parse-queue trigger and the local environment.</summary>
    public static WebApplicationBuilder AddLocalHost(this WebApplicationBuilder builder)
    {
        // Lowest priority: every setting has a default, and trigger binding expressions (%Ingestion:ContainerName%) need them as configuration.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = IngestionSettingNames.Defaults });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl(builder.Configuration.GetValue($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Port)}", DefaultPort)));
        }

        builder.AddIngestionCore();
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section);
        builder.Services.AddSingleton<LocalEnvironment>();
        builder.Services.AddSingleton<LocalAzurite>();
        builder.Services.AddHostedService<AzuriteSupervisor>();
        builder.Services.AddSingleton<ArticleWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ArticleWatcher>());
        var allowedOrigins = builder.Configuration.GetSection($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.AllowedOrigins)}").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(allowedOrigins).WithMethods("GET")));

        // The queue's poison threshold and the processor's "last attempt" must agree.
        var maxParseAttempts = builder.Configuration.GetValue($"{IngestionSettingNames.Section}:{nameof(IngestionOptions.MaxParseAttempts)}", IngestionOptions.DefaultMaxParseAttempts);
        var hostId = builder.Configuration[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.HostId)}"];
        var queuePollInterval = builder.Configuration.GetValue($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.QueuePollInterval)}", new LocalHostOptions().QueuePollInterval);
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            if (!string.IsNullOrEmpty(hostId))
            {
                webJobs.UseHostId(hostId);
            }

            webJobs.AddAzureStorageCoreServices();
            webJobs.Services.AddSingleton<Microsoft.Azure.WebJobs.Host.Timers.IWebJobsExceptionHandlerFactory, StoppingExceptionHandlerFactory>();
            webJobs.AddAzureStorageQueues(queues =>
            {
                // Locally a dropped file should be queryable within seconds, not after the default one-minute backoff.
                queues.MaxPollingInterval = queuePollInterval;
                queues.MaxDequeueCount = maxParseAttempts;
            });
        });
        return builder;
    }
}

