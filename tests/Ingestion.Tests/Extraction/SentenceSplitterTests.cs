using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("He left. She stayed.", 2)]
    [InlineData("Mr. Lee arrived. He spoke.", 2)]
    [InlineData("George W. Bush spoke.", 1)]
    [InlineData("Apple Inc. rose today.", 1)]
    [InlineData("First line\nSecond line", 2)]
    [InlineData("\"We are ready.\" The general left.", 2)]
    public void Splits_at_sentence_ends_only(string text, int sentences)
    {
        Assert.Equal(sentences, new SentenceSplitter().Split(text).Count);
    }
}
