using System.Collections.Concurrent;
using System.ComponentModel;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Articles;
using Ingestion.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

public sealed class UploadSettings : StorageSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("An article file, or a folder whose files (and subfolders') are uploaded under their relative paths.")]
    public string Path { get; init; } = string.Empty;

    [CommandOption("--published <DATE>")]
    [Description("Publication date (yyyy-MM-dd) stored as blob metadata 'published'; the reader uses it for plain-text articles without a date line.")]
    public string? Published { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Files uploaded at once.")]
    [DefaultValue(4)]
    public int Parallel { get; init; } = 4;

    protected override ValidationResult ValidateCommand()
    {
        if (!File.Exists(Path) && !Directory.Exists(Path))
        {
            return ValidationResult.Error($"No file or folder at '{Path}'.");
        }

        if (Published is not null && !TableKeys.TryParseDate(Published, out _))
        {
            return ValidationResult.Error($"--published '{Published}' is not a date (yyyy-MM-dd).");
        }

        return Parallel is < 1 or > 64 ? ValidationResult.Error("--parallel must be between 1 and 64.") : ValidationResult.Success();
    }
}

/// <summary>Uploads article files, skipping those whose content (and publication date) the container already has.</summary>
public sealed class UploadCommand(CliEnvironment environment) : StorageCommand<UploadSettings>(environment)
{
    /// <summary>Blob metadata holding the SHA-256 of the content, so a second upload of the same file can be skipped.</summary>
    public const string ContentHashMetadata = "contentsha256";

    protected override StorageNeeds Needs(UploadSettings settings) => StorageNeeds.Container;

    protected override async Task<int> RunAsync(CliServices services, UploadSettings settings, CancellationToken cancellationToken)
    {
        var container = services.Storage.Articles;
        var files = Files(settings.Path);
        var uploaded = 0;
        var skipped = 0;
        var failures = new ConcurrentBag<(string Name, string Reason)>();
        await Environment.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Uploading to {container.Name}", maxValue: files.Count);
            await System.Threading.Tasks.Parallel.ForEachAsync(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken },
                async (file, token) =>
                {
                    try
                    {
                        if (await UploadAsync(container.GetBlobClient(file.BlobName), file.Path, settings.Published, token))
                        {
                            Interlocked.Increment(ref uploaded);
                        }
                        else
                        {
                            Interlocked.Increment(ref skipped);
                        }
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RequestFailedException { Status: not 0 })
                    {
                        failures.Add((file.BlobName, ex.Message.Split('\n')[0].Trim()));
                    }

                    task.Increment(1);
                });
        });

        return Summarize($"Uploaded [green]{uploaded}[/], skipped [blue]{skipped}[/] (already there), failed [red]{failures.Count}[/].", failures);
    }

    /// <returns>False when the blob already holds this content with this publication date.</returns>
    private static async Task<bool> UploadAsync(BlobClient blob, string path, string? published, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        var metadata = new Dictionary<string, string> { [ContentHashMetadata] = hash };
        if (published is not null)
        {
            metadata[ArticleBlobInfo.PublishedMetadataKey] = published;
        }

        try
        {
            var existing = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
            existing.TryGetValue(ArticleBlobInfo.PublishedMetadataKey, out var existingPublished);
            if (existing.TryGetValue(ContentHashMetadata, out var existingHash) && existingHash == hash && (published is null || published == existingPublished))
            {
                return false;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A new article.
        }

        file.Position = 0;
        await blob.UploadAsync(file, new BlobUploadOptions { Metadata = metadata }, cancellationToken);
        return true;
    }

    /// <summary>The files to upload and their blob names: a file's own name, or a path relative to the folder with '/' separators.</summary>
    private static List<(string Path, string BlobName)> Files(string path) =>
        File.Exists(path)
            ? [(path, System.IO.Path.GetFileName(path))]
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(file => (file, System.IO.Path.GetRelativePath(path, file).Replace(System.IO.Path.DirectorySeparatorChar, '/')))
                .ToList();
}
