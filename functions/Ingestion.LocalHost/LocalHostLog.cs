using Microsoft.Extensions.Logging;

namespace Ingestion.LocalHost;

internal static partial class LocalHostLog
{
    [LoggerMessage(2001, LogLevel.Information, "Ingestion local host: API at {Addresses}/api, storage {Storage}, watching container '{Container}', parse queue '{Queue}'")]
    public static partial void Started(ILogger logger, string addresses, string storage, string container, string queue);

    [LoggerMessage(2002, LogLevel.Information, "Nothing answers on the emulator ports: started Azurite from node_modules (PID {ProcessId}), data in {Location}; it stops when the host stops")]
    public static partial void AzuriteStarted(ILogger logger, int processId, string location);

    [LoggerMessage(2003, LogLevel.Information, "Uploaded {Uploaded} sample articles from {Folder} ({Skipped} already there)")]
    public static partial void SamplesUploaded(ILogger logger, int uploaded, string folder, int skipped);

    [LoggerMessage(2004, LogLevel.Warning, "No sample-articles folder found; nothing uploaded (set LocalHost:SamplesPath)")]
    public static partial void SamplesMissing(ILogger logger);
}
