namespace Ingestion.LocalHost;

/// <summary>Settings of the local host only, bound from the <c>LocalHost</c> section (or flags such as <c>--LocalHost:UploadSamples=false</c>).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The port the API listens on, on loopback, when no <c>urls</c> are configured.</summary>
    public int Port { get; set; } = LocalHostExtensions.DefaultPort;

    /// <summary>Upload sample-articles/ into the container at start (files already there are left alone).</summary>
    public bool UploadSamples { get; set; } = true;

    /// <summary>The sample folder; found by walking up from the working directory when not set.</summary>
    public string? SamplesPath { get; set; }

    /// <summary>Origins (scheme://host:port) whose pages may call the API from a browser, for dashboards served elsewhere.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How often every blob is handed to the intake again, so requests lost in a crash or outage are re-queued.</summary>
    public TimeSpan FullOfferInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the container is listed for new or changed blobs: on average half of it is waited per upload.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest the parse-queue listener waits between polls of an empty queue (WebJobs backs off up to this);
    /// with <see cref="PollInterval"/> it sets how soon a dropped file is queryable. Against Azurite polls are cheap.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The WebJobs host id, which names the host's locks in storage. Side-by-side hosts (tests) get their own. Empty: derived from the machine.
    /// </summary>
    public string? HostId { get; set; }

    /// <summary>Start Azurite from node_modules when the connection is a local emulator and nothing answers on its ports.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Keep the Azurite the host starts in memory, for throwaway runs: everything is lost when the host stops.</summary>
    public bool InMemory { get; set; }

    /// <summary>Where the Azurite the host starts keeps its data; unset: <c>.azurite</c> at the repository root (ignored by git).</summary>
    public string? AzuriteLocation { get; set; }
}
