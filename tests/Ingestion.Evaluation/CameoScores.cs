using Ingestion.Core.Extraction;

namespace Ingestion.Evaluation;

/// <summary>
/// CAMEO codings of articles that have gold <c>codings</c> (PETRARCH style): a gold coding is found when a system
/// event of the article has its root (the code's first two digits); its dyad too when, besides, a system actor has
/// the source's country and a system target the target's (the first three letters of the gold actor codes against
/// the actors' CAMEO codes; <c>---</c>, no stated country, matches any side). Precision is over typed events.
/// </summary>
public sealed class CameoScores
{
    private const string NoCountry = "---";

    public int Codings { get; private set; }

    public int RootFound { get; private set; }

    public int CodeFound { get; private set; }

    public int DyadFound { get; private set; }

    /// <summary>Typed system events in articles with gold codings.</summary>
    public int Typed { get; private set; }

    /// <summary>Of those, the ones whose root is the root of a gold coding of the article.</summary>
    public int TypedCorrect { get; private set; }

    public double RootRecall => Rate(RootFound, Codings);

    /// <summary>Gold codings whose full event code (up to the system's depth: 042, or 04 for a root-only event) a system event has.</summary>
    public double CodeRecall => Rate(CodeFound, Codings);

    public double DyadRecall => Rate(DyadFound, Codings);

    public double Precision => Rate(TypedCorrect, Typed);

    public static CameoScores Score(GoldArticle article, ExtractionResult system)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(system);
        var scores = new CameoScores();
        if (article.Codings is not { Count: > 0 } codings)
        {
            return scores;
        }

        var typed = system.Events.Where(e => e.Type is not null).ToList();
        foreach (var coding in codings)
        {
            var root = Root(coding.EventCode);
            var sameRoot = typed.Where(e => e.Type!.Code == root).ToList();
            scores.Codings++;
            scores.RootFound += sameRoot.Count > 0 ? 1 : 0;
            scores.CodeFound += sameRoot.Any(e => e.EventCode is { Length: >= 3 } code && coding.EventCode.StartsWith(code, StringComparison.Ordinal)) ? 1 : 0;
            scores.DyadFound += sameRoot.Any(e => HasCountry(e.Actors, coding.Source) && HasCountry(e.Targets, coding.Target)) ? 1 : 0;
        }

        scores.Typed = typed.Count;
        scores.TypedCorrect = typed.Count(e => codings.Any(c => Root(c.EventCode) == e.Type!.Code));
        return scores;
    }

    public void Add(CameoScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Codings += other.Codings;
        RootFound += other.RootFound;
        CodeFound += other.CodeFound;
        DyadFound += other.DyadFound;
        Typed += other.Typed;
        TypedCorrect += other.TypedCorrect;
    }

    /// <summary>The cameo.* figures, only for files with codings.</summary>
    public void AddMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (Codings == 0)
        {
            return;
        }

        metrics["cameo.root.recall"] = Math.Round(RootRecall, 4);
        metrics["cameo.code.recall"] = Math.Round(CodeRecall, 4);
        metrics["cameo.dyad.recall"] = Math.Round(DyadRecall, 4);
        metrics["cameo.precision"] = Math.Round(Precision, 4);
        metrics["cameo.root.f1"] = Math.Round(Precision + RootRecall == 0 ? 0 : 2 * Precision * RootRecall / (Precision + RootRecall), 4);
    }

    private static string Root(string eventCode) => eventCode[..2];

    private static bool HasCountry(IReadOnlyList<Actor> actors, string goldCode)
    {
        var country = goldCode.Length >= 3 ? goldCode[..3] : goldCode;
        return country == NoCountry || actors.Any(a => CameoActorCodes.Of(a) is { } code && code.StartsWith(country, StringComparison.Ordinal));
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
