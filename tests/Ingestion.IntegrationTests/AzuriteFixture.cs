using Ingestion.LocalHost;

namespace Ingestion.IntegrationTests;

/// <summary>One Azurite for the whole test run, on free ports, killed when the run ends.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await StartAsync(Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), location: null);

    /// <summary>Starts an emulator from the repository's node_modules, listed for CI to kill should the test process die.</summary>
    /// <param name="location">Where it keeps its data; null keeps everything in memory.</param>
    public static async Task<Azurite> StartAsync(int blobPort, int queuePort, int tablePort, string? location)
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Tests must run inside the repository (the folder with Ingestion.sln).");
        var azurite = await Azurite.StartAsync(root, blobPort, queuePort, tablePort, location, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("INGESTION_AZURITE_PID_DIR") is { Length: > 0 } pidDirectory)
        {
            // CI kills what is listed there even if this process dies before disposing the fixture.
            await File.WriteAllTextAsync(Path.Combine(pidDirectory, azurite.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)), string.Empty);
        }

        return azurite;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
