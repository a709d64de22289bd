using Ingestion.Core.Extraction;

namespace Ingestion.Evaluation;

/// <summary>
/// Who did what to whom, against the gold participants of each event: gold Arg0 against the system's actors, Arg1
/// against its targets, and every core role (Arg0-Arg4) against both, role-blind. A gold participant matches a system
/// party that shares a content word with it (in the party's name or in the text it was taken from); a gold pronoun
/// matches a party taken from that pronoun, and counts for recall only then. Each gold event is compared with the
/// system event overlapping it. Only events whose participants the annotators recorded are judged: parties of system
/// events that overlap no gold event, or a gold event without any participant (246 of 873 in meantime-dev: mostly
/// auxiliaries, states and events whose parties are not entity mentions), are not counted.
/// </summary>
public sealed class ParticipantScores
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "you", "he", "him", "his", "she", "her", "it", "its", "we", "us", "our", "they", "them", "their",
        "which", "who", "whom", "whose", "that", "this", "these", "those", "itself", "themselves",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "'s", "s", "new",
    };

    private static readonly HashSet<string> CoreRoles = new(StringComparer.Ordinal) { "Arg0", "Arg1", "Arg2", "Arg3", "Arg4" };

    public PrfCounter Arg0 { get; } = new();

    public PrfCounter Arg1 { get; } = new();

    public PrfCounter Any { get; } = new();

    /// <summary>Gold Arg0/Arg1 participants not found and system parties matching no gold one, for --errors.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Flat figures under the keys of --json: participants.arg0.f1, participants.any.p, ...</summary>
    public IEnumerable<(string Key, PrfCounter Counter)> Counters() =>
        [("participants.arg0", Arg0), ("participants.arg1", Arg1), ("participants.any", Any)];

    public void Add(ParticipantScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Arg0.Add(other.Arg0);
        Arg1.Add(other.Arg1);
        Any.Add(other.Any);
        Errors.AddRange(other.Errors);
    }

    /// <summary>Scores one article: gold events with their participants (UTF-16 offsets) against the system's events.</summary>
    public void Add(string text, IEnumerable<(ScoredSpan Event, IReadOnlyList<ScoredSpan> Participants)> goldEvents, IReadOnlyList<ExtractedEvent> systemEvents)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(goldEvents);
        ArgumentNullException.ThrowIfNull(systemEvents);
        foreach (var (goldEvent, participants) in goldEvents.Where(e => e.Participants.Count > 0))
        {
            var system = systemEvents.FirstOrDefault(e => e.Start < goldEvent.End && goldEvent.Start < e.End);
            var actors = Parties(text, system?.Actors);
            var targets = Parties(text, system?.Targets);
            Score(Arg0, participants.Where(p => p.Type == "Arg0").ToList(), actors, system is null ? null : $"actor of '{goldEvent.Text}'");
            Score(Arg1, participants.Where(p => p.Type == "Arg1").ToList(), targets, system is null ? null : $"target of '{goldEvent.Text}'");
            Score(Any, participants.Where(p => p.Type is { } role && CoreRoles.Contains(role)).ToList(), [.. actors, .. targets], null);
        }
    }

    private void Score(PrfCounter counter, List<ScoredSpan> gold, List<ScoredSpan> system, string? what)
    {
        // A pronoun the system did not resolve is neither found nor missed.
        gold.RemoveAll(g => IsPronoun(g.Text) && !system.Any(s => g.Overlaps(s)));
        counter.Add(gold, system, Matches);
        if (what is not null)
        {
            var found = string.Join(" | ", system.Select(s => s.Text));
            Errors.AddRange(gold.Where(g => !system.Any(s => Matches(g, s))).Select(g => $"missed {what}: '{g.Text}' (system: {found})"));
            Errors.AddRange(system.Where(s => !gold.Any(g => Matches(g, s))).Select(s => $"spurious {what}: '{s.Text}'"));
        }
    }

    /// <summary>A system party as a span over the text it was taken from, its name and that text as words.</summary>
    private static List<ScoredSpan> Parties(string text, IReadOnlyList<Actor>? parties) =>
        parties is null ? [] : [.. parties.Select(a => a.MentionStart is { } s && a.MentionEnd is { } e
            ? new ScoredSpan(s, e, $"{a.Name} {text[s..e]}", null, null)
            : new ScoredSpan(-1, -1, a.Name, null, null))];

    private static bool Matches(ScoredSpan gold, ScoredSpan system) =>
        IsPronoun(gold.Text) ? gold.Overlaps(system) : ContentWords(gold.Text).Overlaps(ContentWords(system.Text));

    private static bool IsPronoun(string text) => Pronouns.Contains(text.Trim());

    private static HashSet<string> ContentWords(string text) =>
        new(text.Split([' ', ',', '.', '(', ')', '"', '\'', '’', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !FunctionWords.Contains(w) && !Pronouns.Contains(w)), StringComparer.OrdinalIgnoreCase);
}
