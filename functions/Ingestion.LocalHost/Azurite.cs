using System.Diagnostics;
using System.Net.Sockets;

namespace Ingestion.LocalHost;

/// <summary>
/// An Azurite emulator process started from the repository's node_modules. It is stopped by its own PID, never by
/// name: SIGINT first, which makes it write its databases to disk and exit, then SIGKILL if it does not.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The emulator's fixed, publicly documented development key; it grants nothing outside a local emulator.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>How long a stop waits for Azurite to save its data and exit before killing it.</summary>
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(10);

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>The connection to an emulator on these ports on loopback (the host starts one for it if nothing answers).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>Starts Azurite on the given ports and waits until all three services accept connections.</summary>
    /// <param name="location">Where Azurite keeps its data; null keeps everything in memory.</param>
    public static async Task<Azurite> StartAsync(string repositoryRoot, int blobPort, int queuePort, int tablePort, string? location, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {repositoryRoot} first.");
        }

        // Its own session: a Ctrl+C meant for the host must not reach Azurite, which would close its ports while
        // the host is still draining; the host kills it once it has stopped.
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = location ?? Path.GetTempPath(),
        };
        foreach (var argument in (string[])[executable, "--silent", "--skipApiVersionCheck", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, port) in (ReadOnlySpan<(string, int)>)[("--blobPort", blobPort), ("--queuePort", queuePort), ("--tablePort", tablePort)])
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new Azurite(process, blobPort, queuePort, tablePort);
        // Drain its output so a chatty emulator never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Generous: on a loaded 2-core machine Node alone has taken over 20 s to start, more with data to load.
            await WaitUntilListeningAsync([blobPort, queuePort, tablePort], process, TimeSpan.FromSeconds(90), cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// The ports of a connection to a local emulator: the development storage shortcut, or a connection string whose
    /// endpoints are all on 127.0.0.1 for the emulator's account; null for anything else.
    /// </summary>
    public static (int Blob, int Queue, int Table)? EmulatorPorts(string? connection)
    {
        if (string.Equals(connection?.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return (10000, 10001, 10002);
        }

        var parts = (connection ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        int? Port(string endpoint) =>
            parts.TryGetValue(endpoint, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host == "127.0.0.1"
                && uri.AbsolutePath.Trim('/') == AccountName ? uri.Port : null;
        return Port("BlobEndpoint") is { } blob && Port("QueueEndpoint") is { } queue && Port("TableEndpoint") is { } table ? (blob, queue, table) : null;
    }

    /// <summary>Completes when the process exits, whoever ended it.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the emulator at once (SIGKILL by PID), as a crash would: what it has not saved yet is lost.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the emulator so that it keeps its data: SIGINT, then SIGKILL if it has not exited in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var interrupt = Process.Start(new ProcessStartInfo("kill", ["-s", "INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await (interrupt?.WaitForExitAsync() ?? Task.CompletedTask);
            }

            using var timeout = new CancellationTokenSource(GracefulStop);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
    }

    private static async Task WaitUntilListeningAsync(int[] ports, Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await IsListeningAsync(port, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port} (is the port taken?).");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Azurite did not listen on port {port} within {timeout.TotalSeconds:0} s.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
