using System.Globalization;

namespace Ingestion.Benchmarks;

/// <summary>The command line after the benchmark name: <c>--smoke</c>, and <c>--name value</c> pairs each benchmark reads.</summary>
public sealed class BenchmarkOptions(bool smoke, IReadOnlyDictionary<string, string> values)
{
    public bool Smoke => smoke;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var smoke = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--smoke")
            {
                smoke = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are --smoke and --name value.");
            }
        }

        return new BenchmarkOptions(smoke, values);
    }

    /// <summary>A count option; its default depends on the mode, so smoke runs stay small.</summary>
    public int Count(string name, int full, int smokeValue) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : smoke ? smokeValue : full;

    public IReadOnlyList<int> Counts(string name, int[] full, int[] smokeValue) =>
        values.TryGetValue(name, out var text)
            ? text.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToList()
            : smoke ? smokeValue : full;
}
