using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Ingestion.Testing;

/// <summary>Article files for tests: the samples shipped with the repository, and made-up ones.</summary>
public static class Articles
{
    public const string Seed = "000_40f01add132810ba.txt";

    public static string SamplesFolder => RepositoryPaths.SampleArticles;

    public static string Sample(string name) => File.ReadAllText(Path.Combine(SamplesFolder, name));

    public static async Task<string> UploadAsync(BlobContainerClient container, string name, string content, IDictionary<string, string>? metadata = null)
    {
        var response = await container.GetBlobClient(name).UploadAsync(
            new BinaryData(Encoding.UTF8.GetBytes(content)),
            new BlobUploadOptions { Metadata = metadata },
            CancellationToken.None);
        return response.Value.ETag.ToString();
    }
}
