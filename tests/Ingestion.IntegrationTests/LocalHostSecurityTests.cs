using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Ingestion.Core.Api;
using Ingestion.Core.Extraction;
using Ingestion.Core.Queries;
using Ingestion.Core.Storage;
using Ingestion.LocalHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.IntegrationTests;

/// <summary>What the local host exposes: loopback only, no query text from callers, no article text or keys in logs.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LocalHostSecurityTests(AzuriteFixture azurite)
{
    private const string Marker = "BODY-MARKER-5f1c2a9e";

    [Fact]
    public async Task Host_without_configured_urls_listens_on_loopback_only()
    {
        var port = FreePorts.Next();
        var storage = new TestStorage(azurite);
        storage.Settings["LocalHost:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LocalHostFixture.RunAsync(storage, new Dictionary<string, string?> { ["urls"] = null, ["LocalHost:UploadSamples"] = "false" }, configure: null, async host =>
        {
            var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(endpoint => endpoint.Port == port).ToList();

            Assert.NotEmpty(listeners);
            Assert.All(listeners, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address), $"listening on {endpoint}"));
            foreach (var address in NonLoopbackAddresses())
            {
                using var client = new TcpClient(address.AddressFamily);
                await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, port));
            }
        });
    }

    /// <summary>What a caller may try: OData operators, quotes, escapes, and a made-up table continuation.</summary>
    private static readonly string[] Injections =
    [
        "' or PartitionKey ne '",
        "2022-02-05' or '1' eq '1",
        "x) or (PartitionKey ge '",
        "%27%20or%20true",
        "eyJWIjoxLCJRIjoieCIsIlQiOiInIG9yIDEgZXEgMSJ9",
    ];

    [Fact]
    public async Task Injection_in_any_parameter_is_refused_or_matches_nothing_more_than_a_plain_word() => await RunWithSeedAsync(async host =>
    {
        var routes = new (string Path, string Base, IReadOnlyList<string> Names)[]
        {
            ("/api/events", "from=2022-02-05&to=2022-02-07", EventsParameters.Names),
            ("/api/events/summary", "from=2022-02-05&to=2022-02-07&groupBy=day", SummaryParameters.Names),
            ("/api/articles", string.Empty, ArticlesParameters.Names),
        };
        Assert.NotEmpty((await host.GetEventsAsync("from=2022-02-05&to=2022-02-07")).Events);
        foreach (var (path, baseQuery, names) in routes)
        {
            foreach (var name in names.Append("$filter"))
            {
                var (plainStatus, plainBody) = await GetAsync(host, path, baseQuery, name, "no-such-value");
                foreach (var injection in Injections)
                {
                    var (status, body) = await GetAsync(host, path, baseQuery, name, injection);
                    var what = $"{path}?{name}={injection}";
                    Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{what}: {status}");
                    if (status == HttpStatusCode.OK)
                    {
                        Assert.True(plainStatus == HttpStatusCode.OK && plainBody == body, $"{what} answered differently from a plain word: {body}");
                    }
                }
            }
        }

        foreach (var name in Injections.Append("000_40f01add132810ba.txt' or '1' eq '1"))
        {
            using var response = await host.Http.GetAsync($"/api/articles/{Uri.EscapeDataString(name)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    });

    [Fact]
    public async Task Forged_continuation_token_with_odata_text_reads_nothing_outside_the_range() => await RunWithSeedAsync(async host =>
    {
        var query = new EventQuery(new DateOnly(2022, 2, 6), new DateOnly(2022, 2, 6));
        foreach (var storageToken in (string[])["' or PartitionKey ne '", "2099-01-01 x", "1900-01-01 ' or true or '"])
        {
            var token = ContinuationTokens.Create(query.Fingerprint, storageToken);
            using var response = await host.Http.GetAsync($"/api/events?from=2022-02-06&to=2022-02-06&continuationToken={Uri.EscapeDataString(token)}");

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{storageToken}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.All(body.RootElement.GetProperty("events").EnumerateArray(), e => Assert.Equal("2022-02-06", e.GetProperty("date").GetString()));
            }
        }
    });

    [Fact]
    public async Task Article_text_and_storage_keys_never_reach_the_logs()
    {
        var logs = new LogCapture();
        await LocalHostFixture.RunAsync(
            new TestStorage(azurite),
            new Dictionary<string, string?> { ["LocalHost:UploadSamples"] = "false" },
            builder =>
            {
                builder.Services.AddSingleton<IEventExtractor>(new ScriptedExtractor());
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
            },
            async host =>
            {
                var articles = new Dictionary<string, string>
                {
                    ["marked.txt"] = $" date 2024-03-14 Officials met {Marker} in Geneva on Tuesday.",
                    ["marked.json"] = $"{{\"published\": 20240314, \"body\": \"{Marker}\"}}",
                    ["marked-bad-utf8.txt"] = $" date 2024-03-14 {Marker} \uD800",
                    ["marked-failing.txt"] = $" date 2024-03-14 {Marker} {ScriptedExtractor.AlwaysFails}",
                };

                foreach (var (name, text) in articles)
                {
                    await Articles.UploadAsync(host.Storage.Articles, name, text);
                }

                foreach (var name in articles.Keys)
                {
                    await host.WaitForArticleAsync(name, TimeSpan.FromSeconds(60));
                }

                Assert.Contains(logs.Lines, line => line.Contains("marked.txt", StringComparison.Ordinal));
                Assert.DoesNotContain(logs.Lines, line => line.Contains(Marker, StringComparison.Ordinal));
                Assert.DoesNotContain(logs.Lines, line => line.Contains(Azurite.AccountKey, StringComparison.Ordinal));
            });
    }

    /// <summary>Runs a test against a host whose reference article is processed, so there is data an injection could leak.</summary>
    private Task RunWithSeedAsync(Func<LocalHostFixture, Task> test) =>
        LocalHostFixture.RunAsync(new TestStorage(azurite), settings: null, configure: null, async host =>
        {
            var seed = await host.WaitForArticleAsync(Articles.Seed, TimeSpan.FromSeconds(60));
            Assert.True(seed.EventCount > 0);
            await test(host);
        });

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(LocalHostFixture host, string path, string baseQuery, string name, string value)
    {
        // The value replaces the base query's own, so a date or limit is tried in its place rather than given twice.
        var parameters = baseQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);
        parameters[name] = value;
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await host.Http.GetAsync($"{path}?{query}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => !IPAddress.IsLoopback(address) && address.AddressFamily == AddressFamily.InterNetwork);
}
