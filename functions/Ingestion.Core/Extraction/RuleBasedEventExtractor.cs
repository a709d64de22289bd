namespace Ingestion.Core.Extraction;

// TEMPORARY local placeholder until the extraction branch merges; never committed.
public sealed class RuleBasedEventExtractor : IEventExtractor
{
    public string Version => "placeholder";

    public ExtractionResult Extract(string text, DateOnly publicationDate, CancellationToken cancellationToken = default) =>
        new([], [], [new ExtractedEvent(0, 4, "call", new CameoCategory("04", "Consult"), new EventDate(publicationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Day, publicationDate, publicationDate, DateSource.PublicationDate), [], [], [], [], text.Length > 50 ? text[..50] : text)]);
}
