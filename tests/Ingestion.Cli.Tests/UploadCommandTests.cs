using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Cli.Tests;

public sealed class UploadCommandTests(AzuriteFixture azurite) : StorageTest(azurite), IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingestion-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Folder_is_uploaded_under_relative_names_and_a_second_run_skips_unchanged_files()
    {
        var first = WriteFile("a.txt", " date 2024-03-14 Officials met in Geneva.");
        WriteFile("sub/b.txt", " date 2024-03-15 The minister visited Paris.");

        var run1 = await RunAsync("upload", _folder.FullName);
        File.WriteAllText(first, " date 2024-03-14 Officials met in Geneva again.");
        var run2 = await RunAsync("upload", _folder.FullName);
        var run3 = await RunAsync("upload", _folder.FullName);

        Assert.Equal((0, 0, 0), (run1.ExitCode, run2.ExitCode, run3.ExitCode));
        Assert.Contains("Uploaded 2, skipped 0", run1.Console, StringComparison.Ordinal);
        Assert.Contains("Uploaded 1, skipped 1", run2.Console, StringComparison.Ordinal);
        Assert.Contains("Uploaded 0, skipped 2", run3.Console, StringComparison.Ordinal);
        var blob = Storage.Articles.GetBlobClient("sub/b.txt");
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(Sha256(" date 2024-03-15 The minister visited Paris."), metadata["contentsha256"]);
    }

    [Fact]
    public async Task Published_date_is_stored_as_metadata_and_a_new_date_uploads_again()
    {
        var file = WriteFile("plain.txt", "Officials met in Geneva on Tuesday.");

        var run1 = await RunAsync("upload", file, "--published", "2024-03-14");
        var same = await RunAsync("upload", file, "--published", "2024-03-14");
        var changed = await RunAsync("upload", file, "--published", "2024-03-20");

        Assert.Contains("Uploaded 1, skipped 0", run1.Console, StringComparison.Ordinal);
        Assert.Contains("Uploaded 0, skipped 1", same.Console, StringComparison.Ordinal);
        Assert.Contains("Uploaded 1, skipped 0", changed.Console, StringComparison.Ordinal);
        var metadata = (await Storage.Articles.GetBlobClient("plain.txt").GetPropertiesAsync()).Value.Metadata;
        Assert.Equal("2024-03-20", metadata["published"]);
    }

    private string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(_folder.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
