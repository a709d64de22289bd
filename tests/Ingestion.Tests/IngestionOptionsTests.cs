using Ingestion.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingestion.Tests;

/// <summary>Settings are checked when the host starts, so a typo stops it with the setting's name instead of failing later.</summary>
public sealed class IngestionOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = Resolve([]);

        Assert.Equal(TimeSpan.FromMinutes(15), options.StalledAfter);
        Assert.Equal(16 * 1024 * 1024, options.MaxArticleBytes);
        Assert.Equal((2_000, 50), (options.MaxEventsPerArticle, options.MaxEventsPerSentence));
    }

    [Theory]
    [InlineData("StalledAfter", "00:00:10", "StalledAfter")]
    [InlineData("StalledAfter", "30.00:00:00", "StalledAfter")]
    [InlineData("MaxParseAttempts", "0", "MaxParseAttempts")]
    [InlineData("MaxEventsPerArticle", "0", "MaxEventsPerArticle")]
    [InlineData("MaxEventsPerSentence", "0", "MaxEventsPerSentence")]
    [InlineData("ContainerName", "Articles_", "Ingestion:ContainerName must be a valid blob container name")]
    [InlineData("EventsTableName", "1events", "Ingestion:EventsTableName must be a valid table name")]
    public void Out_of_range_settings_stop_the_host_naming_the_setting(string setting, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"{IngestionSettingNames.Section}:{setting}"] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IngestionOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIngestionCore();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value;
    }
}
