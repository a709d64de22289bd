using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ingestion.Core.Api;

/// <summary>
/// Validates a route's bound parameter values, collecting a problem per bad parameter; the request's own query is
/// consulted only for what a bound record cannot show: names the route does not take, and single values given twice.
/// </summary>
internal sealed class QueryValidation
{
    /// <summary>The Functions host's key parameter: it reaches the worker too, and is not ours to refuse.</summary>
    private const string FunctionKey = "code";

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    private QueryValidation(IQueryCollection query, IReadOnlyList<string> allowed, IReadOnlyList<string> singleValued)
    {
        foreach (var name in query.Keys.Where(key => key != FunctionKey && !allowed.Contains(key, StringComparer.Ordinal)))
        {
            Fail(name, $"Unknown parameter '{name}'. Allowed: {string.Join(", ", allowed)}.");
        }

        foreach (var name in singleValued.Where(name => query.TryGetValue(name, out var values) && values.Count > 1))
        {
            Fail(name, $"'{name}' may be given once.");
        }
    }

    /// <summary>For a route whose parameters are the record <typeparamref name="T"/>.</summary>
    public static QueryValidation For<T>(IQueryCollection query)
        where T : class => new(query, QueryRecord<T>.Names, QueryRecord<T>.SingleValued);

    /// <summary>For a route that takes no query parameters.</summary>
    public static QueryValidation None(IQueryCollection query) => new(query, [], []);

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors;

    public DateOnly RequiredDate(string name, string? text)
    {
        if (Optional(text) is null)
        {
            Fail(name, $"'{name}' is required, as a date YYYY-MM-DD.");
            return default;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(name, $"'{name}' must be a date YYYY-MM-DD; got '{Shorten(text!)}'.");
        }

        return date;
    }

    public int OptionalInt(string name, string? text, int defaultValue, int min, int max)
    {
        if (Optional(text) is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(name, $"'{name}' must be a whole number from {min} to {max}; got '{Shorten(text!)}'.");
            return defaultValue;
        }

        return value;
    }

    /// <summary>An enum value by name, case-insensitive; numbers are refused so only the documented names work.</summary>
    public TEnum? OptionalEnum<TEnum>(string name, string? text)
        where TEnum : struct, Enum
    {
        if (Optional(text) is not { } value)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        Fail(name, $"'{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}; got '{Shorten(value)}'.");
        return null;
    }

    /// <summary>A value given and not empty, else null: <c>?actor=</c> filters nothing.</summary>
    public static string? Optional(string? text) => text is { Length: > 0 } ? text : null;

    /// <summary>The values of a repeatable parameter, blanks dropped.</summary>
    public static string[] Strings(string[]? values) => values is null ? [] : [.. values.Where(value => !string.IsNullOrWhiteSpace(value))];

    /// <summary>Records a parameter's problem; the first one stays, so a repeated value is not also called malformed.</summary>
    public void Fail(string name, string message) => _errors.TryAdd(name, [message]);

    /// <summary>Whether a parameter read so far is good (present or not), so checks that combine parameters can run.</summary>
    public bool IsValid(string name) => !_errors.ContainsKey(name);

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
