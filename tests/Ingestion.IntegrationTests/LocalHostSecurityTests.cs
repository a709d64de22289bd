using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
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
        var port = Azurite.FreePort();
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

    [Theory]
    [InlineData("from", "2022-02-05' or PartitionKey ne '")]
    [InlineData("from", "2022-02-05 or true")]
    [InlineData("from", "' or 1 eq 1 or '")]
    [InlineData("from", "2022-02-05%27%20or%20%27a%27%20eq%20%27a")]
    [InlineData("to", "2022-02-07' or PartitionKey ne '")]
    [InlineData("to", "2022-02-07) or (PartitionKey ge '")]
    [InlineData("limit", "10 or 1 eq 1")]
    [InlineData("limit", "10'")]
    [InlineData("continuationToken", "' or PartitionKey ne '")]
    [InlineData("continuationToken", "eyJWIjoxLCJRIjoieCIsIlQiOiInIG9yIDEgZXEgMSJ9")]
    [InlineData("$filter", "PartitionKey ne ''")]
    public async Task Injection_in_a_query_parameter_is_refused(string parameter, string value)
    {
        await RunWithSeedAsync(async host =>
        {
            var query = new Dictionary<string, string> { ["from"] = "2022-02-05", ["to"] = "2022-02-07", [parameter] = value };

            using var response = await host.Http.GetAsync($"/api/events?{string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        });
    }

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("x' or Name ne '")]
    [InlineData("000_40f01add132810ba.txt' or '1' eq '1")]
    public async Task Injection_in_an_article_name_finds_nothing(string name)
    {
        await RunWithSeedAsync(async host =>
        {
            using var response = await host.Http.GetAsync($"/api/articles/{Uri.EscapeDataString(name)}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        });
    }

    [Fact]
    public async Task Forged_continuation_token_with_odata_text_reads_nothing_outside_the_range()
    {
        await RunWithSeedAsync(async host =>
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
    }

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

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => !IPAddress.IsLoopback(address) && address.AddressFamily == AddressFamily.InterNetwork);
}
