using System.Globalization;
using System.Text.Json;
using Ingestion.Core;
using Ingestion.Core.Storage;

namespace Ingestion.Cli.Commands;

public enum EventFormat
{
    Jsonl,
    Csv,
}

/// <summary>Writes events one at a time in an export format.</summary>
public abstract class ExportFormatter(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    public static ExportFormatter For(EventFormat format, TextWriter output) => format switch
    {
        EventFormat.Csv => new Csv(output),
        _ => new JsonLines(output),
    };

    public virtual Task WriteHeaderAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task WriteAsync(EventRecord record, CancellationToken cancellationToken);

    /// <summary>The API's JSON shape, one event per line.</summary>
    private sealed class JsonLines(TextWriter output) : ExportFormatter(output)
    {
        public override Task WriteAsync(EventRecord record, CancellationToken cancellationToken) =>
            Output.WriteLineAsync(JsonSerializer.Serialize(record, IngestionJson.Options).AsMemory(), cancellationToken);
    }

    /// <summary>RFC 4180 rows; lists are joined with "; " and enums named as in the JSON.</summary>
    private sealed class Csv(TextWriter output) : ExportFormatter(output)
    {
        private static readonly string[] Columns =
        [
            "id", "date", "dateValue", "precision", "dateSource", "dateText", "type", "trigger", "modality", "negated",
            "actors", "targets", "locations", "quantities", "sentence", "article", "published", "extractorVersion",
        ];

        public override Task WriteHeaderAsync(CancellationToken cancellationToken) =>
            Output.WriteLineAsync(string.Join(',', Columns).AsMemory(), cancellationToken);

        public override Task WriteAsync(EventRecord e, CancellationToken cancellationToken)
        {
            string?[] fields =
            [
                e.Id, e.Date, e.DateValue, Name(e.Precision), Name(e.DateSource), e.DateText, e.Type is { } type ? $"{type.Code} {type.Label}" : null,
                e.Trigger, Name(e.Modality), e.Negated ? "true" : "false",
                string.Join("; ", e.Actors.Select(a => a.Name)), string.Join("; ", e.Targets.Select(a => a.Name)),
                string.Join("; ", e.Locations.Select(l => l.Name)), string.Join("; ", e.Quantities.Select(q => q.Text)),
                e.Sentence, e.Article.Name, e.Article.Published, e.ExtractorVersion,
            ];
            return Output.WriteLineAsync(string.Join(',', fields.Select(Quote)).AsMemory(), cancellationToken);
        }

        private static string Name<T>(T value)
            where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

        private static string Quote(string? field) =>
            field is null ? string.Empty
            : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
    }
}
