using System.Text.Json;

namespace Ingestion.Core.Pipeline;

/// <summary>
/// Reads the blob name out of an Event Grid <c>Microsoft.Storage.BlobDeleted</c> event, as Event Grid writes it to a
/// storage queue (one event per message, Event Grid or CloudEvents schema).
/// </summary>
public static class BlobDeletedEvent
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    /// <returns>The name of the deleted blob in <paramref name="containerName"/>; null for any other event, or one that is not JSON.</returns>
    public static string? BlobName(string message, string containerName)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || (Text(root, "eventType") ?? Text(root, "type")) != EventType
                || Text(root, "subject") is not { } subject)
            {
                return null;
            }

            // The subject names the blob as stored, unescaped: /blobServices/default/containers/{container}/blobs/{name}.
            var prefix = $"/blobServices/default/containers/{containerName}/blobs/";
            return subject.StartsWith(prefix, StringComparison.Ordinal) && subject.Length > prefix.Length ? subject[prefix.Length..] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
