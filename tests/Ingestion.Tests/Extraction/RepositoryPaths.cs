namespace Ingestion.Tests.Extraction;

/// <summary>Finds the repository root (the directory holding Ingestion.sln) and the shared evaluation data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/eval relative to the repository root; never copied into the repository.</summary>
    public static string SharedEval => Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));

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
