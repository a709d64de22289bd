using System.Reflection;
using Ingestion.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingestion.Functions.Tests;

/// <summary>The worker's services as Program.cs builds them, without the gRPC channel to a Functions host.</summary>
public sealed class FunctionsHost(IHost host) : IDisposable
{
    public static FunctionsHost Create(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings ?? IngestionSettingNames.Defaults);
        builder.AddIngestionFunctions();
        return new FunctionsHost(builder.Build());
    }

    /// <summary>Every class in the app with a [Function] method, as the worker's generated metadata finds them.</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } = typeof(Ingestion.Functions.ReceiveArticle).Assembly.GetTypes()
        .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToArray();

    public IServiceProvider Services => host.Services;

    /// <summary>A function class, activated the way the worker activates it: constructor injection from the container.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(host.Services);

    /// <summary>Binds a queue message body to a POCO as the worker binds a queue trigger parameter.</summary>
    public T BindQueueMessage<T>(BinaryData body) =>
        (T)host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!.Deserialize(body.ToStream(), typeof(T), CancellationToken.None)!;

    public void Dispose() => host.Dispose();
}
