namespace Ingestion.Cli;

/// <summary>Exit codes scripts can rely on; the help footer lists them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran, but some items failed (or were busy); the summary lists them. Also an unexpected error, with its message.</summary>
    public const int SomeFailed = 1;

    public const int BadArguments = 2;

    /// <summary>The storage account did not answer, refused access, or lacks the container or a table.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>Ctrl+C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    public const string Help = """
        Exit codes:
          0    ok
          1    some items failed or were busy (the summary lists them), or an unexpected error
          2    bad arguments
          3    storage unreachable, access denied, or its container or a table missing
          130  cancelled (Ctrl+C)
        """;
}
