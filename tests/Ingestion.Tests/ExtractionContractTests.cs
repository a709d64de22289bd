using Ingestion.Core.Extraction;

namespace Ingestion.Tests;

public class ExtractionContractTests
{
    [Fact]
    public void Empty_result_has_no_mentions()
    {
        Assert.Empty(ExtractionResult.Empty.Events);
        Assert.Empty(ExtractionResult.Empty.Timexes);
        Assert.Empty(ExtractionResult.Empty.Entities);
    }
}
