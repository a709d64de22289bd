using Azure;
using Azure.Storage.Blobs.Models;
using Ingestion.Core;
using Ingestion.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingestion.LocalHost;

/// <summary>
/// Gets local storage ready before the triggers start: Azurite when needed, the container, queue and tables, and
/// the sample articles.
/// </summary>
public sealed class LocalEnvironment(IConfiguration configuration, IOptions<LocalHostOptions> options, StorageClients storage, LocalAzurite azurite, ILogger<LocalEnvironment> logger)
{
    /// <summary>The folder at the repository root (ignored by git) where the Azurite the host starts keeps its data.</summary>
    public const string AzuriteFolder = ".azurite";

    /// <returns>The Azurite this host started, to stop on exit; it has none running when storage was already there.</returns>
    public async Task<LocalAzurite> PrepareAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StartAzurite
            && Azurite.EmulatorPorts(configuration[IngestionSettingNames.StorageConnection]) is { } ports
            && !await Azurite.IsListeningAsync(ports.Blob, cancellationToken))
        {
            var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Cannot start Azurite: run the local host from the repository (the folder with Ingestion.sln).");
            var location = options.Value.InMemory ? null : options.Value.AzuriteLocation ?? Path.Combine(root, AzuriteFolder);
            await azurite.StartAsync(root, ports, location, cancellationToken);
            LocalHostLog.AzuriteStarted(logger, azurite.Current!.ProcessId, location ?? "memory (LocalHost:InMemory)");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        if (options.Value.UploadSamples)
        {
            await UploadSamplesAsync(cancellationToken);
        }

        return azurite;
    }

    /// <summary>Where storage is, without secrets: account endpoints only.</summary>
    public string DescribeStorage() => $"{storage.BlobService.Uri} (table {storage.TableService.Uri})";

    private async Task UploadSamplesAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.SamplesPath ?? (RepositoryRoot.Find() is { } root ? Path.Combine(root, "sample-articles") : null);
        if (folder is null || !Directory.Exists(folder))
        {
            LocalHostLog.SamplesMissing(logger);
            return;
        }

        int uploaded = 0, skipped = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var blob = storage.Articles.GetBlobClient(Path.GetFileName(file));
            try
            {
                await using var content = File.OpenRead(file);
                await blob.UploadAsync(
                    content,
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/plain; charset=utf-8" },
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken);
                uploaded++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                skipped++;
            }
        }

        LocalHostLog.SamplesUploaded(logger, uploaded, folder, skipped);
    }
}
