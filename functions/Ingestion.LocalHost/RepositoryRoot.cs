namespace Ingestion.LocalHost;

/// <summary>Finds the repository (the folder holding Ingestion.sln) from the working directory or the program's folder.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Ingestion.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
