namespace Ingestion.LocalHost;

/// <summary>
/// Starts the Azurite this host started again whenever it exits (a crash, an out-of-memory kill, someone's kill -9),
/// on the same ports and with the same data, so the host carries on instead of failing every storage call.
/// </summary>
public sealed partial class AzuriteSupervisor(LocalAzurite azurite, ILogger<AzuriteSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (azurite.Current is { } running)
        {
            await running.WaitForExitAsync(stoppingToken);
            EmulatorExited(logger, running.ProcessId);
            var delay = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await azurite.RestartAsync(stoppingToken) is not { } restarted)
                    {
                        return;
                    }

                    EmulatorRestarted(logger, restarted.ProcessId, attempt);
                    break;
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // The port may still be held by the dying process, or the machine is short of memory: wait and try again.
                    RestartFailed(logger, attempt, ex.Message, delay.TotalSeconds);
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                }
            }
        }
    }

    [LoggerMessage(2301, LogLevel.Error, "Azurite (PID {ProcessId}) exited; starting it again with the same data")]
    private static partial void EmulatorExited(ILogger logger, int processId);

    [LoggerMessage(2302, LogLevel.Warning, "Azurite started again (PID {ProcessId}, attempt {Attempt}); processing resumes as storage answers")]
    private static partial void EmulatorRestarted(ILogger logger, int processId, int attempt);

    [LoggerMessage(2303, LogLevel.Error, "Starting Azurite again failed (attempt {Attempt}): {Reason}; next try in {DelaySeconds} s")]
    private static partial void RestartFailed(ILogger logger, int attempt, string reason, double delaySeconds);
}
