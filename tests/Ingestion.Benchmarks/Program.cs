using Ingestion.Benchmarks;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await BenchmarkCommand.RunAsync(args, Console.Out, cancel.Token);
