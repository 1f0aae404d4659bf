using System.Diagnostics;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>
/// Two han connections with one client id to a real mosquitto (a service and a han started by hand
/// beside it): the broker ends one whenever the other connects. Each must say so once, naming the id
/// and the setting, and then stop fighting; the survivor must say when the other has gone. With a
/// shorter back-off than han's (0.2 s doubling to 4 s) so that this takes seconds, not minutes.
/// </summary>
public sealed class MqttConnectionRivalryTests
{
    private const string ClientId = "han-test-rival";

    [Theory]
    [InlineData(MqttProtocol.V311)]
    [InlineData(MqttProtocol.V5)]
    public async Task Connect_AnotherClientTakesTheClientId_EachToldOnceThenTheyWaitTheLongestUntilOneGoes(MqttProtocol protocol)
    {
        using var broker = new MosquittoBroker();
        await using var service = Rival(broker, protocol);
        await using var byHand = Rival(broker, protocol);
        service.Connection.Start();
        await service.WaitForConnectionsAsync();

        byHand.Connection.Start();
        await service.WaitUntilAsync(() => Told(service) is not null && Told(byHand) is not null, "the rival recognised by both", seconds: 90);
        // From now on each lost connection is followed by the longest wait (2 to 4 s here), not 0.1 to 0.2 s:
        // of three more attempts, at least the last two follow a whole such wait.
        var attempts = service.Connection.Counters.Attempts;
        var since = Stopwatch.StartNew();
        await service.WaitUntilAsync(() => service.Connection.Counters.Attempts >= attempts + 3, "three more attempts", seconds: 90);
        var elapsed = since.Elapsed;

        Assert.True(elapsed >= TimeSpan.FromSeconds(3.9), $"three more attempts came within {elapsed.TotalSeconds:0.0} s: still fighting");
        foreach (var han in new[] { service, byHand })
        {
            var told = Assert.Single(han.Reports, r => r.Text.Contains("with han's client id", StringComparison.Ordinal));
            Assert.Equal(NoteLevel.Warning, told.Level);
            Assert.Contains($"with han's client id '{ClientId}'", told.Text, StringComparison.Ordinal);
            Assert.Contains("set mqtt.client_id to an id of its own for one of them", told.Text, StringComparison.Ordinal);
            Assert.Equal(told, han.Reports[^1]); // the lost connections and reconnects after it are not told
        }

        await byHand.DisposeAsync();
        await service.WaitUntilAsync(() => service.Reports.Any(r => r.Text.Contains("the other client with this client id has gone", StringComparison.Ordinal)), "the end of the rivalry told", seconds: 90);
        Assert.Equal(NoteLevel.Information, service.Reports[^1].Level);
    }

    private static ConnectionUnderTest Rival(MosquittoBroker broker, MqttProtocol protocol) =>
        new(broker, o => o with { ClientId = ClientId, Protocol = protocol }, new ReconnectDelay(new Random(), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(4)));

    private static string? Told(ConnectionUnderTest han) =>
        han.Reports.Select(r => r.Text).FirstOrDefault(t => t.Contains("with han's client id", StringComparison.Ordinal));
}
