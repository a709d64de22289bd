using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Runs the shared extractor on a test sentence, published on the reference article's date unless told otherwise.</summary>
internal static class SampleText
{
    public static readonly DateOnly Published = new(2022, 2, 6);

    public static ExtractionResult Extract(string text, DateOnly? published = null) =>
        RuleBasedEventExtractor.Shared.Extract(text, published ?? Published);

    /// <summary>The one event of the text with this trigger.</summary>
    public static ExtractedEvent Event(string text, string trigger) =>
        Assert.Single(Extract(text).Events, e => e.Trigger == trigger);
}
