using System.Text;
using System.Text.RegularExpressions;
using Han.Integrations.Domoticz;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Domoticz;

/// <summary>The HTTP channel against a local server that checks each request the way Domoticz' JSON API takes it.</summary>
public sealed class DomoticzHttpChannelTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 5, TimeSpan.Zero);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Sink_RealReadings_SendsEachDeviceInItsFormat()
    {
        using var domoticz = new FakeDomoticz(new Dictionary<int, Regex>
        {
            [11] = FakeDomoticz.P1Format,
            [12] = FakeDomoticz.InstantAndCounterFormat,
            [13] = FakeDomoticz.VoltageFormat,
            [14] = FakeDomoticz.ThreeCurrentsFormat,
        });
        var devices = new DomoticzDevices(new Dictionary<DomoticzDevice, int>
        {
            [DomoticzDevice.P1] = 11,
            [DomoticzDevice.Power] = 12,
            [DomoticzDevice.VoltageL1] = 13,
            [DomoticzDevice.Current] = 14,
        });
        var meter = new CorpusReadings();
        await using (var sink = new DomoticzSink(new DomoticzUpdater(devices, TimeSpan.FromSeconds(10)), Channel(domoticz.Url)))
        {
            await sink.WriteAsync(Made(meter, "amsreader-kamstrup-no-em001-1-list2", Start), CancellationToken.None);
            await sink.WriteAsync(Made(meter, "amsreader-kamstrup-no-gh862-3", Start.AddSeconds(10)), CancellationToken.None);
        }

        Assert.Empty(domoticz.Violations);
        Assert.Empty(_reports);
        Assert.Equal(
            [
                (11, "85823280;0;4540830;0;1247;0"), (12, "1247;85823280"), (13, "236.0"), (14, "1.89;3.27;1.28"),
                (11, "85823287;0;4540830;0;3825;0"), (12, "3825;85823287"), (13, "242.0"), (14, "1.06;9.95;6.01"),
            ],
            domoticz.Updates.Select(u => (u.Idx, u.SValue)));
        Assert.All(domoticz.Updates, u => Assert.Equal(0, u.NValue));
        Assert.All(domoticz.AuthorizationHeaders, Assert.Null); // no login configured: none sent
    }

    [Fact]
    public async Task SendAsync_WithLogin_SendsBasicAuthorization()
    {
        using var domoticz = new FakeDomoticz(new Dictionary<int, Regex> { [5] = FakeDomoticz.VoltageFormat })
        {
            RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("han:sæcret")),
        };

        await Channel(domoticz.Url, "han", "sæcret").SendAsync(Voltage(5), CancellationToken.None);

        Assert.Equal("230.1", Assert.Single(domoticz.Updates).SValue);
        Assert.Empty(_reports);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ReportsOnceWhatToCheck()
    {
        using var domoticz = new FakeDomoticz(new Dictionary<int, Regex> { [5] = FakeDomoticz.VoltageFormat })
        {
            RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("han:right")),
        };
        var channel = Channel(domoticz.Url, "han", "wrong");

        for (var i = 0; i < 3; i++)
        {
            await channel.SendAsync(Voltage(5), CancellationToken.None);
        }

        var report = Assert.Single(_reports);
        Assert.Equal(NoteLevel.Error, report.Level);
        Assert.Contains("HTTP 401", report.Text, StringComparison.Ordinal);
        Assert.Contains("domoticz.password", report.Text, StringComparison.Ordinal);
        Assert.Contains("Allow Basic-Auth authentication over plain HTTP", report.Text, StringComparison.Ordinal);
        Assert.Empty(domoticz.Updates);
    }

    [Fact]
    public async Task SendAsync_UnknownIdx_ReportsOnceToCheckTheDeviceAndAgainWhenItWorks()
    {
        var devices = new Dictionary<int, Regex>();
        using var domoticz = new FakeDomoticz(devices);
        var channel = Channel(domoticz.Url);

        await channel.SendAsync(Voltage(99), CancellationToken.None);
        await channel.SendAsync(Voltage(99), CancellationToken.None);
        devices[99] = FakeDomoticz.VoltageFormat; // the user created the device
        await channel.SendAsync(Voltage(99), CancellationToken.None);

        Assert.True(_reports.Count == 2, string.Join('\n', _reports));
        Assert.Equal(NoteLevel.Error, _reports[0].Level);
        Assert.Contains("status ERR", _reports[0].Text, StringComparison.Ordinal);
        Assert.Contains("idx 99 is a 'Voltage' device in Domoticz' Setup > Devices", _reports[0].Text, StringComparison.Ordinal);
        Assert.Equal(NoteLevel.Information, _reports[1].Level);
        Assert.Contains("voltage_l1 (idx 99) again", _reports[1].Text, StringComparison.Ordinal);
        Assert.Single(domoticz.Updates);
    }

    [Fact]
    public async Task SendAsync_ViewerRights_ReportsOnceToGiveTheUserRights()
    {
        using var domoticz = new FakeDomoticz(new Dictionary<int, Regex> { [5] = FakeDomoticz.VoltageFormat }) { ViewerOnly = true };
        var channel = Channel(domoticz.Url);

        await channel.SendAsync(Voltage(5), CancellationToken.None);
        await channel.SendAsync(Voltage(5), CancellationToken.None);

        var report = Assert.Single(_reports);
        Assert.Contains("HTTP 403", report.Text, StringComparison.Ordinal);
        Assert.Contains("Setup > Users", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ReportsOnceThatDomoticzCannotBeReached()
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var channel = Channel(url);

        for (var i = 0; i < 3; i++)
        {
            await channel.SendAsync(Voltage(5), CancellationToken.None);
        }

        var report = Assert.Single(_reports);
        Assert.Contains($"cannot reach Domoticz at {url}", report.Text, StringComparison.Ordinal);
        Assert.Contains("check domoticz.url", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoAnswer_ReportsOnceThatDomoticzDidNotAnswerInTime()
    {
        // A server that takes the connection and never answers (a Domoticz hung on its database).
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var channel = new DomoticzHttpChannel(http, new Uri($"http://127.0.0.1:{port}"), null, null, (text, level) => _reports.Add((text, level)));

        await channel.SendAsync(Voltage(5), CancellationToken.None);
        await channel.SendAsync(Voltage(5), CancellationToken.None);

        var report = Assert.Single(_reports);
        Assert.Contains("did not answer within 1 s", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NotDomoticz_ReportsOnceToCheckTheUrl()
    {
        using var domoticz = new FakeDomoticz([]);
        var channel = Channel(new Uri(domoticz.Url, "/elsewhere/"));

        await channel.SendAsync(Voltage(5), CancellationToken.None);
        await channel.SendAsync(Voltage(5), CancellationToken.None);

        var report = Assert.Single(_reports);
        Assert.Contains("HTTP 404", report.Text, StringComparison.Ordinal);
        Assert.Contains("check domoticz.url", report.Text, StringComparison.Ordinal);
    }

    private static DomoticzUpdate Voltage(int idx) => new(DomoticzDevice.VoltageL1, idx, 0, "230.1");

    private static ReadingMade Made(CorpusReadings meter, string vector, DateTimeOffset at) => new("house", at, meter.Live(vector, at));

    private DomoticzHttpChannel Channel(Uri url, string? username = null, string? password = null) =>
        new(_http, url, username, password, (text, level) => _reports.Add((text, level)));
}
