using Ingestion.Core.Actors;
using Ingestion.Core.Api;
using Ingestion.Core.Articles;
using Ingestion.Core.Diagnostics;
using Ingestion.Core.Extraction;
using Ingestion.Core.Merging;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Core;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers options (validated at start), the storage clients, and the pipeline, extraction and query services.</summary>
    public static IHostApplicationBuilder AddIngestionCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionSettingNames.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IngestionTelemetry>();
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton<IEventExtractor>(RuleBasedEventExtractor.Shared);
        services.TryAddSingleton<ArticleReader>();
        services.TryAddSingleton<ArticleRepository>();
        services.TryAddSingleton(ActorAliases.Shared);
        services.TryAddSingleton<ActorRegistry>();
        services.TryAddSingleton<ActorDirectory>();
        services.TryAddSingleton<MergedEventStore>();
        services.TryAddSingleton<EventWriter>();
        services.TryAddSingleton<ArticleContributions>();
        services.TryAddSingleton<ArticleIntake>();
        services.TryAddSingleton<ArticleProcessor>();
        services.TryAddSingleton<ArticleDeletion>();
        services.TryAddSingleton<StalledArticleSweeper>();
        services.TryAddSingleton<PipelineHealth>();
        services.TryAddSingleton<EventQueryService>();
        services.TryAddSingleton<MergedEventQueryService>();
        services.TryAddSingleton<EventSummaryService>();
        services.TryAddSingleton<IngestionApiServices>();

        services.Configure<JsonOptions>(options => IngestionJson.Configure(options.SerializerOptions));
        return builder;
    }
}
