using Ingestion.Core.Pipeline;

namespace Ingestion.Tests.Pipeline;

public sealed class BlobDeletedEventTests
{
    [Theory]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/a.txt"}""", "a.txt")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/folder/with space é.txt"}""", "folder/with space é.txt")]
    [InlineData("""{"specversion":"1.0","type":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/cloud.json"}""", "cloud.json")]
    public void Names_the_deleted_blob_of_the_container(string message, string expected) =>
        Assert.Equal(expected, BlobDeletedEvent.BlobName(message, "articles"));

    [Theory]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/articles/blobs/a.txt"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/other/blobs/a.txt"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles-old/blobs/a.txt"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":42}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted"}""")]
    [InlineData("""[{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/a.txt"}]""")]
    [InlineData("not json")]
    [InlineData("")]
    public void Ignores_any_other_message(string message) =>
        Assert.Null(BlobDeletedEvent.BlobName(message, "articles"));
}
