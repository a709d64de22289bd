using System.Diagnostics;
using System.Reflection;

namespace Ingestion.Infrastructure.Tests;

/// <summary>The Bicep CLI restored from NuGet, and the repository it checks.</summary>
internal static class Bicep
{
    public static string PathOf(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath);

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Bicep is a single-file .NET app: give it an extraction folder and no ICU dependency, whatever HOME and the image hold.
        startInfo.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Path.GetTempPath(), "ingestion-bicep");
        startInfo.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepResult(process.ExitCode, await output, await error);
    }

    private static string Executable()
    {
        var path = Metadata("BicepPath");
        Assert.True(File.Exists(path), $"The Bicep CLI is missing at {path}: restore the Azure.Bicep.CommandLine.linux-x64 package.");

        // NuGet extraction does not always keep the execute bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}

internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    public string Diagnostics => (Output + Error).Trim();
}
