namespace Ingestion.Benchmarks;

/// <summary>Samples the process's working set and managed heap every few milliseconds and keeps the peaks.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(SampleAsync);

    public static double WorkingSetMegabytes => Environment.WorkingSet / 1048576.0;

    public static double HeapMegabytes => GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;

    public double PeakWorkingSetMegabytes { get; private set; }

    public double PeakHeapMegabytes { get; private set; }

    /// <summary>Stops sampling, so the peaks are final; disposing stops it too.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakWorkingSetMegabytes = Math.Max(PeakWorkingSetMegabytes, WorkingSetMegabytes);
            PeakHeapMegabytes = Math.Max(PeakHeapMegabytes, HeapMegabytes);
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
