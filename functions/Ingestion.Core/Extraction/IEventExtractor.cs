namespace Ingestion.Core.Extraction;

/// <summary>Finds temporal expressions, entities and events in a text, resolving dates against its publication date.</summary>
public interface IEventExtractor
{
    /// <summary>Stored with every event so re-processing can find rows written by an older extractor.</summary>
    string Version { get; }

    ExtractionResult Extract(string text, DateOnly publicationDate, CancellationToken cancellationToken = default);
}
