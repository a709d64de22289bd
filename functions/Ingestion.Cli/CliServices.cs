using Azure.Data.Tables;
using Ingestion.Cli.Commands;
using Ingestion.Core;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Cli;

/// <summary>What a command needs to exist before it starts, checked up front so a missing one is one clear error.</summary>
[Flags]
public enum StorageNeeds
{
    None = 0,
    Container = 1,
    ArticlesTable = 2,
    EventsTable = 4,
    EventIndexTable = 8,
    ActorsTable = 16,
    MergedEventsTable = 32,
}

/// <summary>Ingestion.Core wired as the hosts wire it (AddIngestionCore), over the environment's settings and the command's options.</summary>
public sealed class CliServices : IDisposable
{
    private readonly IHost _host;

    private CliServices(IHost host) => _host = host;

    public static CliServices Create(CliEnvironment environment, StorageSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(environment.Configuration);
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.AddIngestionCore();
        return new CliServices(builder.Build());
    }

    public StorageClients Storage => Get<StorageClients>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Fails with <see cref="StorageUnavailableException"/> unless the account answers within the timeout and has what the command needs.</summary>
    public async Task CheckAsync(StorageNeeds needs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var storage = Storage;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var endpoint = needs.HasFlag(StorageNeeds.Container) ? storage.BlobService.Uri : storage.TableService.Uri;
        try
        {
            if (needs.HasFlag(StorageNeeds.Container) && !await storage.Articles.ExistsAsync(deadline.Token))
            {
                throw new StorageUnavailableException($"Container '{storage.Articles.Name}' does not exist in {storage.BlobService.Uri}.");
            }

            var tables = new List<TableClient>();
            if (needs.HasFlag(StorageNeeds.ArticlesTable))
            {
                tables.Add(storage.ArticlesTable);
            }

            if (needs.HasFlag(StorageNeeds.EventsTable))
            {
                tables.Add(storage.EventsTable);
            }

            if (needs.HasFlag(StorageNeeds.EventIndexTable))
            {
                tables.Add(storage.EventIndexTable);
            }

            if (needs.HasFlag(StorageNeeds.ActorsTable))
            {
                tables.Add(storage.ActorsTable);
            }

            if (needs.HasFlag(StorageNeeds.MergedEventsTable))
            {
                tables.Add(storage.MergedEventsTable);
            }

            foreach (var table in tables)
            {
                endpoint = storage.TableService.Uri;
                if (!await TableExistsAsync(storage.TableService, table.Name, deadline.Token))
                {
                    throw new StorageUnavailableException($"Table '{table.Name}' does not exist in {storage.TableService.Uri}.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"Storage at {endpoint} did not answer within {timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (StorageFailure.DescribeUnavailable(ex, endpoint) is { } reason)
        {
            throw new StorageUnavailableException(reason, ex);
        }
    }

    public void Dispose() => _host.Dispose();

    private static async Task<bool> TableExistsAsync(TableServiceClient service, string name, CancellationToken cancellationToken)
    {
        await foreach (var _ in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName eq {name}"), cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}

/// <summary>The account cannot be used: unreachable, access denied, or without a resource the command needs.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
