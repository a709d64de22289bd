namespace Ingestion.LocalHost;

/// <summary>
/// The Azurite this host started, if any: where it keeps its data and on which ports, so that
/// <see cref="AzuriteSupervisor"/> can start it again the same way when it exits.
/// </summary>
public sealed class LocalAzurite : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _repositoryRoot;
    private (int Blob, int Queue, int Table) _ports;
    private Azurite? _current;
    private bool _stopped;

    /// <summary>Where it keeps its data; null when in memory.</summary>
    public string? Location { get; private set; }

    /// <summary>The running emulator, or null when this host did not start one (or has stopped it).</summary>
    public Azurite? Current => _current;

    public async Task StartAsync(string repositoryRoot, (int Blob, int Queue, int Table) ports, string? location, CancellationToken cancellationToken)
    {
        _repositoryRoot = repositoryRoot;
        _ports = ports;
        Location = location;
        if (location is not null)
        {
            Directory.CreateDirectory(location);
        }

        _current = await Azurite.StartAsync(repositoryRoot, ports.Blob, ports.Queue, ports.Table, location, cancellationToken);
    }

    /// <summary>Starts the emulator again on the same ports and data, unless the host is stopping it.</summary>
    /// <returns>The new process, or null when there is nothing to restart.</returns>
    public async Task<Azurite?> RestartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped || _repositoryRoot is null)
            {
                return null;
            }

            if (_current is { } exited)
            {
                _current = null;
                await exited.DisposeAsync();
            }

            _current = await Azurite.StartAsync(_repositoryRoot, _ports.Blob, _ports.Queue, _ports.Table, Location, cancellationToken);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the emulator so it keeps its data (see <see cref="Azurite.DisposeAsync"/>); it is not restarted after this.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _stopped = true;
            if (_current is not null)
            {
                await _current.DisposeAsync();
                _current = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
