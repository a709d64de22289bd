using Ingestion.Core;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Testing;

/// <summary>Ingestion.Core's services wired as the hosts wire them, without a host: for driving the pipeline step by step.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly IHost _host;

    private CoreServices(IHost host) => _host = host;

    public static async Task<CoreServices> CreateAsync(TestStorage storage, Action<IServiceCollection>? replace = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(storage.Settings);
        replace?.Invoke(builder.Services);
        builder.AddIngestionCore();
        var host = builder.Build();
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new CoreServices(host);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
