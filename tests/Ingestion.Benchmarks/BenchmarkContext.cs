using Ingestion.Testing;

namespace Ingestion.Benchmarks;

/// <summary>What the benchmarks of one run share: the options, the output, and one Azurite started on first use.</summary>
public sealed class BenchmarkContext(BenchmarkOptions options, TextWriter output) : IAsyncDisposable
{
    private AzuriteFixture? _azurite;

    public BenchmarkOptions Options => options;

    public TextWriter Output => output;

    public async Task<AzuriteFixture> AzuriteAsync()
    {
        if (_azurite is null)
        {
            // A million events outgrow Node's default heap; Azurite inherits this from the environment.
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NODE_OPTIONS")))
            {
                Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=8192");
            }

            var azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
            _azurite = azurite;
        }

        return _azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
