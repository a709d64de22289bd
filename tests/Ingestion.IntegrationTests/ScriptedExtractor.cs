using System.Collections.Concurrent;
using Azure;
using Ingestion.Core.Extraction;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The real extractor with faults a test asks for: a version of its own, only the first events, or a storage-like
/// 503 for texts carrying a marker, once or always.
/// </summary>
internal sealed class ScriptedExtractor(string? version = null, int? keepEvents = null) : IEventExtractor
{
    /// <summary>A text containing this fails on its first extraction only.</summary>
    public const string FailsOnce = "[fails-once]";

    /// <summary>A text containing this fails every time.</summary>
    public const string AlwaysFails = "[always-fails]";

    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Version => version ?? RuleBasedEventExtractor.Shared.Version;

    public ExtractionResult Extract(string text, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var call = _calls.AddOrUpdate(text, 1, (_, calls) => calls + 1);
        if (text.Contains(AlwaysFails, StringComparison.Ordinal) || (call == 1 && text.Contains(FailsOnce, StringComparison.Ordinal)))
        {
            throw new RequestFailedException(503, "Injected fault: the table service is unavailable.");
        }

        var result = RuleBasedEventExtractor.Shared.Extract(text, publicationDate, cancellationToken);
        return keepEvents is { } keep ? result with { Events = result.Events.Take(keep).ToList() } : result;
    }
}
