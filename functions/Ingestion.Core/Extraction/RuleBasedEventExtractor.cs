using System.Runtime.CompilerServices;
using Ingestion.Core.Extraction.Syntax;
using Ingestion.Core.Geo;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Rules-and-gazetteers event extractor. Sentence by sentence it finds temporal expressions (resolved against the
/// publication date), names, event triggers with CAMEO codes, parses the sentence into a dependency tree, then gives
/// each event its modality, participants (from the tree), quantities and date, and geocodes the article's places
/// together. All word lists are embedded data files loaded once; instances are immutable and thread-safe.
/// Methods that run per article here and in the recognizers are marked AggressiveOptimization: extraction runs in short-lived
/// function instances, where unoptimized and instrumented loop code of tiered compilation cost more CPU than PGO saves.
/// </summary>
public sealed class RuleBasedEventExtractor : IEventExtractor
{
    private readonly SentenceSplitter splitter = new();
    private readonly TimexRecognizer timexes;
    private readonly EntityRecognizer entities;
    private readonly EventTriggerRecognizer triggers;
    private readonly CameoCoder coder;
    private readonly EventTenseDetector tense;
    private readonly ModalityDetector modality = new();
    private readonly ParticipantAssigner participants;
    private readonly EventDater dater = new();
    private readonly Dictionary<string, CameoCategory> cameo;
    private readonly Geocoder geocoder = Geocoder.Shared;

    public RuleBasedEventExtractor()
    {
        var lexicon = new VerbLexicon();
        var gazetteer = new Gazetteer();
        timexes = new TimexRecognizer(new TimexGrammar(), new TenseDetector(lexicon));
        entities = new EntityRecognizer(gazetteer, lexicon);
        triggers = new EventTriggerRecognizer(lexicon);
        coder = new CameoCoder(lexicon);
        tense = new EventTenseDetector(lexicon);
        participants = new ParticipantAssigner(gazetteer);
        cameo = ExtractionData.ReadTable("cameo-roots.tsv", 2).ToDictionary(row => row[0], row => new CameoCategory(row[0], row[1]), StringComparer.Ordinal);
    }

    /// <summary>One loaded instance to share; the extractor holds no per-call state.</summary>
    public static RuleBasedEventExtractor Shared { get; } = new();

    public string Version => "rules-2.0";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExtractionResult Extract(string text, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var allTimexes = new List<TemporalExpression>();
        var allEntities = new List<EntityMention>();
        var allEvents = new List<ExtractedEvent>();
        var memory = new EntityRecognizer.ArticleMemory();
        var parties = new ArticleParties();
        var syntaxModel = SyntaxModel.Shared;
        var reference = publicationDate;
        var lowered = text.ToLowerInvariant();
        List<(TemporalExpression Timex, CalendarPeriod Period)> previousAnchors = [];
        foreach (var sentence in splitter.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
            var sentenceTimexes = timexes.Recognize(text, lowered, sentence, tokens, publicationDate, ref reference);
            var names = entities.Recognize(text, tokens, memory);
            names.RemoveAll(n => sentenceTimexes.Any(t => t.Start < n.End && n.Start < t.End));
            var parsed = ParticipantAssigner.Place(text, tokens, names, sentenceTimexes, SentenceSyntax.Parse(tokens, syntaxModel, ParticipantAssigner.NameTags(tokens, names)));
            var sentenceTriggers = coder.Code(tokens, triggers.Recognize(tokens, token => Covers(sentenceTimexes, names, token)), (coded, i) => participants.Assign(parsed, coded[i], parties).Actors);
            var quantities = QuantityRecognizer.Recognize(text, sentence, tokens, (s, e) => sentenceTimexes.Any(t => t.Start < e && s < t.End));
            var sentenceText = text[sentence.Start..sentence.End];
            var (anchors, inherited) = dater.Frame(EventDater.Anchors(sentenceTimexes), previousAnchors, sentenceText);
            previousAnchors = anchors;
            var quantityOwners = quantities.ConvertAll(q => NearestTrigger(sentenceTriggers, tokens, q.Start));

            allTimexes.AddRange(sentenceTimexes);
            allEntities.AddRange(names.Select(n => n.ToMention()));
            for (var i = 0; i < sentenceTriggers.Count; i++)
            {
                allEvents.Add(BuildEvent(text, tokens, parsed, parties, sentenceTriggers, i, (anchors, inherited), Owned(quantities, quantityOwners, i), sentenceText, publicationDate));
            }

            ParticipantAssigner.Remember(parsed, parties);
        }

        return new ExtractionResult(allTimexes, allEntities, geocoder.Locate(allEvents, allEntities));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ExtractedEvent BuildEvent(
        string text,
        List<Token> tokens,
        ParticipantAssigner.ParsedSentence parsed,
        ArticleParties parties,
        List<Trigger> sentenceTriggers,
        int index,
        (List<(TemporalExpression Timex, CalendarPeriod Period)> Anchors, bool Inherited) frame,
        IReadOnlyList<Quantity> counts,
        string sentenceText,
        DateOnly publicationDate)
    {
        var trigger = sentenceTriggers[index];
        var start = tokens[trigger.FirstToken].Start;
        var end = tokens[trigger.LastToken].End;
        var (mood, negated) = modality.At(tokens, trigger.FirstToken);
        var roles = participants.Assign(parsed, trigger, parties);
        var eventCode = negated ? coder.Negated(trigger.Entry.EventCode) : trigger.Entry.EventCode;
        return new ExtractedEvent(
            start,
            end,
            text[start..end],
            eventCode is null ? null : cameo[eventCode[..2]],
            EventDater.Date(start, frame.Inherited ? frame.Anchors : dater.Governing(parsed.Syntax, tokens, trigger, frame.Anchors), frame.Inherited, publicationDate, tense.PlacesBefore(tokens, trigger)),
            roles.Actors,
            roles.Targets,
            roles.Places,
            counts,
            sentenceText,
            mood,
            negated,
            eventCode);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<Quantity> Owned(List<QuantityMention> quantities, List<int> owners, int trigger)
    {
        if (!owners.Contains(trigger))
        {
            return Array.Empty<Quantity>();
        }

        var owned = new List<Quantity>();
        for (var q = 0; q < quantities.Count; q++)
        {
            if (owners[q] == trigger)
            {
                owned.Add(quantities[q].Quantity);
            }
        }

        return owned;
    }

    /// <summary>A quantity belongs to the closest verb before it ("deploy 1,700 soldiers"), else the closest trigger.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NearestTrigger(List<Trigger> sentenceTriggers, List<Token> tokens, int position)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < sentenceTriggers.Count; i++)
        {
            var start = tokens[sentenceTriggers[i].FirstToken].Start;
            var distance = start <= position ? position - start : (start - position) * 4;
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Covers(List<TemporalExpression> sentenceTimexes, List<NamedEntity> names, Token token)
    {
        foreach (var t in sentenceTimexes)
        {
            if (t.Start < token.End && token.Start < t.End)
            {
                return true;
            }
        }

        foreach (var n in names)
        {
            if (n.Start < token.End && token.Start < n.End)
            {
                return true;
            }
        }

        return false;
    }
}
