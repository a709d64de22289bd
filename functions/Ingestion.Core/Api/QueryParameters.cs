using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ingestion.Core.Api;

/// <summary>Reads and validates query-string parameters, collecting a problem per bad parameter.</summary>
internal sealed class QueryParameters(IQueryCollection query, IReadOnlyList<string> allowed)
{
    /// <summary>The Functions host's key parameter: it reaches the worker too, and is not ours to refuse.</summary>
    private const string FunctionKey = "code";

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0 || Unknown().Any();

    public IDictionary<string, string[]> Errors
    {
        get
        {
            foreach (var name in Unknown())
            {
                _errors[name] = [$"Unknown parameter '{name}'. Allowed: {string.Join(", ", allowed)}."];
            }

            return _errors;
        }
    }

    public DateOnly RequiredDate(string name)
    {
        var text = Single(name);
        if (text is null)
        {
            Fail(name, $"'{name}' is required, as a date YYYY-MM-DD.");
            return default;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(name, $"'{name}' must be a date YYYY-MM-DD; got '{Shorten(text)}'.");
        }

        return date;
    }

    public int OptionalInt(string name, int defaultValue, int min, int max)
    {
        var text = Single(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(name, $"'{name}' must be a whole number from {min} to {max}; got '{Shorten(text)}'.");
            return defaultValue;
        }

        return value;
    }

    /// <summary>An enum value by name, case-insensitive; numbers are refused so only the documented names work.</summary>
    public TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        Fail(name, $"'{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}; got '{Shorten(text)}'.");
        return null;
    }

    public string? OptionalString(string name) => Single(name) is { Length: > 0 } value ? value : null;

    public void Fail(string name, string message) => _errors[name] = [message];

    /// <summary>Whether a parameter read so far is good (present or not), so checks that combine parameters can run.</summary>
    public bool IsValid(string name) => !_errors.ContainsKey(name);

    private string? Single(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Fail(name, $"'{name}' may be given once.");
        }

        return values[0];
    }

    public string[] Strings(string name) =>
        query.TryGetValue(name, out var values) ? values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!).ToArray() : [];

    private IEnumerable<string> Unknown() => query.Keys.Where(key => key != FunctionKey && !allowed.Contains(key, StringComparer.Ordinal));

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
