namespace Ingestion.Tests.Extraction;

/// <summary>Finds the repository root (the directory holding Ingestion.sln) and the evaluation data it carries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/eval: the repository's copy of the gold evaluation data (its README gives the sources and licences).</summary>
    public static string EvalData => Path.Combine(Root, "tests", "eval");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No directory above the test output contains Ingestion.sln.");
    }
}
