using Ingestion.LocalHost;

namespace Ingestion.Testing;

/// <summary>
/// One Azurite for a test run (or a test class), on free ports, killed when it ends. xunit finds collection
/// definitions only in the test assembly, so each test project declares <c>[CollectionDefinition(AzuriteFixture.CollectionName)]</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string CollectionName = "Azurite";

    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await StartAsync(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), location: null);

    /// <summary>Starts an emulator from the repository's node_modules, listed for CI to kill should the test process die.</summary>
    /// <param name="location">Where it keeps its data; null keeps everything in memory.</param>
    public static async Task<Azurite> StartAsync(int blobPort, int queuePort, int tablePort, string? location)
    {
        var azurite = await Azurite.StartAsync(RepositoryPaths.Root, blobPort, queuePort, tablePort, location, CancellationToken.None);
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
