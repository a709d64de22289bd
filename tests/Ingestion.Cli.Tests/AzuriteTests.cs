namespace Ingestion.Cli.Tests;

/// <summary>The test classes that share the run's one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = AzuriteFixture.CollectionName;
}
