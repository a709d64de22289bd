using System.Diagnostics;
using System.Globalization;

namespace Ingestion.Benchmarks;

/// <summary>Prints "label: done/total, rate/s" every few seconds while a long step runs, and once when it ends.</summary>
public sealed class Progress : IDisposable
{
    private readonly TextWriter _output;
    private readonly string _label;
    private readonly long _total;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Timer _timer;
    private long _done;

    public Progress(TextWriter output, string label, long total)
    {
        _output = output;
        _label = label;
        _total = total;
        _timer = new Timer(_ => Print(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public void Add(long count) => Interlocked.Add(ref _done, count);

    public void Dispose()
    {
        _timer.Dispose();
        Print();
    }

    private void Print()
    {
        var done = Interlocked.Read(ref _done);
        lock (_output)
        {
            _output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {_label}: {done:N0}/{_total:N0} ({100.0 * done / Math.Max(1, _total):0}%), {done / _elapsed.Elapsed.TotalSeconds:N0}/s, {_elapsed.Elapsed:mm\\:ss}"));
        }
    }
}
