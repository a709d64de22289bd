using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingestion.Evaluation;

/// <summary>Scores of a whole gold file with the per-article comparisons behind them.</summary>
public sealed class EvaluationRun
{
    private EvaluationRun(IReadOnlyList<ArticleComparison> articles)
    {
        Articles = articles;
        foreach (var article in articles)
        {
            Total.Add(article.Scores);
        }
    }

    public IReadOnlyList<ArticleComparison> Articles { get; }

    public EvaluationScores Total { get; } = new();

    public static EvaluationRun Run(string goldPath, Scorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return new EvaluationRun([.. GoldArticle.ReadAll(goldPath).Select(scorer.Compare)]);
    }

    public string Summary()
    {
        var s = Total;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"articles: {Articles.Count}");
        text.AppendLine("                      P       R       F1");
        Line(text, "timex strict", s.TimexStrict);
        Line(text, "timex relaxed", s.TimexRelaxed);
        Line(text, "timex value", s.TimexValue);
        text.AppendLine(CultureInfo.InvariantCulture, $"timex type accuracy {s.TimexTypeAccuracy,8:0.0000} ({s.TimexTypeCorrect}/{s.TimexTypeMatched})");
        Line(text, "events (relaxed)", s.Events);
        Line(text, "entities (relaxed)", s.Entities);
        Line(text, "entities typed", s.EntitiesTyped);
        DateLines(text, s.Dates);
        CameoLines(text, s.Cameo);
        foreach (var (key, counter) in s.Participants.Counters())
        {
            Line(text, key, counter);
        }

        text.Append(s.Merging.Summary());
        return text.ToString();
    }

    public string PerArticle()
    {
        var text = new StringBuilder();
        text.AppendLine("article                                   timex.rel  timex.val  events  entities");
        foreach (var a in Articles)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{a.Article.Id,-42}{F1(a.Scores.TimexRelaxed),9}{F1(a.Scores.TimexValue),11}{F1(a.Scores.Events),8}{F1(a.Scores.Entities),10}");
        }

        return text.ToString();
    }

    /// <summary>The most frequent errors of each kind, gold against system.</summary>
    public string Errors(int count)
    {
        var text = new StringBuilder();
        var valueErrors = Articles.SelectMany(a => a.GoldTimexes
            .SelectMany(g => a.SystemTimexes.Where(g.Overlaps).Where(s => s.Value != g.Value || s.Type != g.Type)
                .Select(s => $"{a.Article.Dct:yyyy-MM-dd} gold '{g.Text}' {g.Type} {g.Value} | system '{s.Text}' {s.Type} {s.Value}")));
        Section(text, "timex value/type errors", valueErrors, count);
        Section(text, "timexes missed", Articles.SelectMany(a => Missed(a.GoldTimexes, a.SystemTimexes).Select(g => $"'{g.Text}' {g.Type} {g.Value}")), count);
        Section(text, "timexes spurious", Articles.SelectMany(a => Missed(a.SystemTimexes, a.GoldTimexes).Select(s => $"'{s.Text}' {s.Type} {s.Value}")), count);
        Section(text, "events missed", Articles.SelectMany(a => Missed(a.GoldEvents, a.SystemEvents).Select(g => g.Text.ToLowerInvariant())), count);
        Section(text, "events spurious", Articles.SelectMany(a => Missed(a.SystemEvents, a.GoldEvents).Select(s => s.Text.ToLowerInvariant())), count);
        Section(text, "entities missed", Articles.SelectMany(a => Missed(a.GoldEntities, a.SystemEntities).Select(g => $"{g.Type} {g.Text}")), count);
        Section(text, "entities spurious", Articles.SelectMany(a => Missed(a.SystemEntities, a.GoldEntities).Select(s => $"{s.Type} {s.Text}")), count);
        Section(text, "entity type errors", Articles.SelectMany(a => a.GoldEntities
            .SelectMany(g => a.SystemEntities.Where(s => g.Overlaps(s) && g.Type != s.Type).Select(s => $"gold {g.Type} '{g.Text}' | system {s.Type} '{s.Text}'"))), count);
        Section(text, "participants missed and spurious", Articles.SelectMany(a => a.Scores.Participants.Errors), count);
        return text.ToString();
    }

    public string MetricsJson() => JsonSerializer.Serialize(Total.ToMetrics(), JsonOptions);

    /// <summary>The system's annotations in the gold schema, one article per line, offsets in code points.</summary>
    public IEnumerable<string> SystemJsonLines()
    {
        foreach (var a in Articles)
        {
            var map = new OffsetMap(a.Article.Text);
            JsonObject Span(int start, int end, string text) => new()
            {
                ["start"] = map.ToCodePoint(start),
                ["end"] = map.ToCodePoint(end),
                ["text"] = text,
            };

            var line = new JsonObject
            {
                ["id"] = a.Article.Id,
                ["timexes"] = new JsonArray([.. a.System.Timexes.Select(t => Typed(Span(t.Start, t.End, t.Text), Scorer.TimexTypeName(t.Type), t.Value))]),
                ["events"] = new JsonArray([.. a.System.Events.Select((e, i) => EventJson.ToJson(e, map, a.MergedKeys[i]))]),
                ["entities"] = new JsonArray([.. a.System.Entities.Select(e => Typed(Span(e.Start, e.End, e.Text), Scorer.EntityTypeName(e.Type), null))]),
            };
            yield return line.ToJsonString();
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static JsonObject Typed(JsonObject span, string? type, string? value)
    {
        if (type is not null)
        {
            span["type"] = type;
        }

        if (value is not null)
        {
            span["value"] = value;
        }

        return span;
    }

    /// <summary>"-" where neither gold nor system has anything to score.</summary>
    private static string F1(PrfCounter c) => c.GoldTotal + c.SystemTotal == 0 ? "-" : c.F1.ToString("0.000", CultureInfo.InvariantCulture);

    private static IEnumerable<ScoredSpan> Missed(IReadOnlyList<ScoredSpan> expected, IReadOnlyList<ScoredSpan> found) =>
        expected.Where(e => !found.Any(e.Overlaps));

    private static void Line(StringBuilder text, string label, PrfCounter c) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{label,-20}{c.Precision,8:0.0000}{c.Recall,8:0.0000}{c.F1,8:0.0000}");

    private static void DateLines(StringBuilder text, DateScores d)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"dates exact         {d.ExactRate,8:0.0000} ({d.Exact}/{d.Found} anchored events found)");
        text.AppendLine(CultureInfo.InvariantCulture, $"dates same day      {d.SameDayRate,8:0.0000} ({d.SameDay}/{d.DayAnchored} day anchors)");
        text.AppendLine(CultureInfo.InvariantCulture, $"dates compatible    {d.CompatibleRate,8:0.0000} ({d.Compatible}/{d.Found})");
        text.AppendLine(CultureInfo.InvariantCulture, $"dated event recall  {d.Recall,8:0.0000} ({d.Exact}/{d.Anchored} anchored events)");
        text.AppendLine(CultureInfo.InvariantCulture, $"before, on pub. day {d.BeforeOnPublicationRate,8:0.0000} ({d.BeforeOnPublication}/{d.BeforeFound} found events the gold places before publication)");
    }

    private static void CameoLines(StringBuilder text, CameoScores c)
    {
        if (c.Codings == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"cameo root recall   {c.RootRecall,8:0.0000} ({c.RootFound}/{c.Codings} codings)");
        text.AppendLine(CultureInfo.InvariantCulture, $"cameo code recall   {c.CodeRecall,8:0.0000} ({c.CodeFound}/{c.Codings})");
        text.AppendLine(CultureInfo.InvariantCulture, $"cameo dyad recall   {c.DyadRecall,8:0.0000} ({c.DyadFound}/{c.Codings})");
        text.AppendLine(CultureInfo.InvariantCulture, $"cameo precision     {c.Precision,8:0.0000} ({c.TypedCorrect}/{c.Typed} typed events)");
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> errors, int count)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"-- {title}");
        foreach (var group in errors.GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{group.Count(),4}  {group.Key}");
        }
    }
}
