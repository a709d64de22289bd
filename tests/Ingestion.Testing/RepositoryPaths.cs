using Ingestion.LocalHost;

namespace Ingestion.Testing;

/// <summary>The repository's folders tests read from, found by the one finder the local host also uses.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException("Tests must run inside the repository (no folder above the working directory or the test output holds Ingestion.sln).");

    /// <summary>tests/eval: the repository's copy of the gold evaluation data (its README gives the sources and licences).</summary>
    public static string EvalData => Path.Combine(Root, "tests", "eval");

    /// <summary>sample-articles: the articles the local host uploads at start.</summary>
    public static string SampleArticles => Path.Combine(Root, "sample-articles");
}
