using Azure.Data.Tables;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;

namespace Ingestion.IntegrationTests;

/// <summary>The last day with events up to a date (the dashboard's default month), found without reading every day.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LatestEventDateTests(AzuriteFixture azurite) : CoreServicesTest(azurite)
{
    [Fact]
    public async Task Latest_day_is_the_last_with_a_count_row_on_or_before_the_date_and_null_before_any()
    {
        var summaries = Core.Get<EventSummaryService>();
        Assert.Null(await summaries.LatestDayAsync(new DateOnly(2026, 12, 2), CancellationToken.None));

        foreach (var day in new[] { "0001-01-01", "2001-05-03", "2024-03-14", "2030-01-01" })
        {
            await Storage.EventIndexTable.UpsertEntityAsync(new TableEntity(EventIndexKeys.CountPartition(day), "article"));
        }

        Assert.Equal(new DateOnly(2024, 3, 14), await summaries.LatestDayAsync(new DateOnly(2026, 12, 2), CancellationToken.None));
        Assert.Equal(new DateOnly(2024, 3, 14), await summaries.LatestDayAsync(new DateOnly(2024, 3, 14), CancellationToken.None));
        Assert.Equal(new DateOnly(2001, 5, 3), await summaries.LatestDayAsync(new DateOnly(2024, 3, 13), CancellationToken.None));
        Assert.Equal(DateOnly.MinValue, await summaries.LatestDayAsync(new DateOnly(2001, 5, 2), CancellationToken.None));
        Assert.Equal(new DateOnly(2030, 1, 1), await summaries.LatestDayAsync(DateOnly.MaxValue, CancellationToken.None));
    }
}
