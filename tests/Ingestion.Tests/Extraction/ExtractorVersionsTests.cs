using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

public sealed class ExtractorVersionsTests
{
    [Theory]
    [InlineData("rules-1.9", "rules-1.10", -1)]
    [InlineData("rules-1.10", "rules-1.9", 1)]
    [InlineData("rules-1.0", "rules-1.0", 0)]
    [InlineData("rules-1.0", "rules-1.0.1", -1)]
    [InlineData(null, "rules-1.0", -1)]
    public void Numbers_compare_as_numbers_and_a_missing_version_comes_first(string? version, string other, int expected) =>
        Assert.Equal(expected, Math.Sign(ExtractorVersions.Compare(version, other)));
}
