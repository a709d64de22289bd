using System.Globalization;

namespace Ingestion.Benchmarks;

/// <summary>What one benchmark measured: figures, some of them held to a bar, and notes on how to read them.</summary>
public sealed class BenchmarkReport(string name)
{
    public string Name => name;

    public List<Figure> Figures { get; } = [];

    public List<string> Notes { get; } = [];

    public void Add(string metric, double value, string unit, Bar? bar = null) => Figures.Add(new Figure(metric, value, unit, bar));

    public async Task WriteAsync(TextWriter output)
    {
        foreach (var figure in Figures)
        {
            await output.WriteLineAsync(figure.ToString());
        }

        foreach (var note in Notes)
        {
            await output.WriteLineAsync($"  note: {note}");
        }
    }
}

public sealed record Figure(string Metric, double Value, string Unit, Bar? Bar)
{
    public bool? Meets => Bar?.IsMetBy(Value);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"  {Metric,-58} {Value,12:0.###} {Unit,-12}{(Bar is null ? string.Empty : $" bar {Bar} -> {(Meets == true ? "met" : "NOT met")}")}");
}

/// <summary>A goal a figure should reach: at least or at most a limit.</summary>
public sealed record Bar(double Limit, bool AtLeast)
{
    public static Bar Min(double limit) => new(limit, AtLeast: true);

    public static Bar Max(double limit) => new(limit, AtLeast: false);

    public bool IsMetBy(double value) => AtLeast ? value >= Limit : value <= Limit;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(AtLeast ? ">=" : "<=")} {Limit:0.###}");
}
