using System.Text.Json;
using Han.Integrations.Domoticz;
using Han.Integrations.Tests.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Domoticz;

/// <summary>
/// The MQTT channel through han's own connection (<see cref="Han.Integrations.Mqtt.MqttConnection"/>) to a
/// real mosquitto, read by mosquitto_sub: what Domoticz would get on
/// domoticz/in, checked against integrations.md §2.1.
/// </summary>
public sealed class DomoticzMqttChannelTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 5, TimeSpan.Zero);

    [Fact]
    public async Task Sink_RealReadings_PublishesUdeviceCommandsOnDomoticzIn()
    {
        using var broker = new MosquittoBroker();
        using var domoticz = new MosquittoSubscriber(broker, ["domoticz/in"]);
        var devices = new DomoticzDevices(new Dictionary<DomoticzDevice, int> { [DomoticzDevice.P1] = 11, [DomoticzDevice.VoltageL2] = 13 });
        var meter = new CorpusReadings();
        await using (var han = new ConnectionUnderTest(broker))
        {
            await using var sink = new DomoticzSink(new DomoticzUpdater(devices, TimeSpan.FromSeconds(10)), new DomoticzMqttChannel(han.Connection, "domoticz/in"));
            await han.StartAsync();
            var at = Start;
            await sink.WriteAsync(new ReadingMade("house", at, meter.Live("amsreader-kamstrup-no-em001-1-list2", at)), CancellationToken.None);
            await han.DrainAsync(); // closing does not wait for what is still queued
        }

        await domoticz.WaitForAsync(_ => domoticz.Messages.Count == 2);
        var messages = domoticz.Messages;
        Assert.All(messages, m => Assert.False(m.Retained));
        var commands = messages.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        Assert.All(commands, c =>
        {
            Assert.Equal("udevice", c.GetProperty("command").GetString());
            Assert.True(c.GetProperty("idx").TryGetInt32(out _));
            Assert.True(c.GetProperty("nvalue").TryGetInt32(out var nvalue)); // an integer, or Domoticz logs Invalid/Unhandled data
            Assert.Equal(0, nvalue);
            Assert.Equal(JsonValueKind.String, c.GetProperty("svalue").ValueKind);
        });
        Assert.Equal(
            [(11, "85823280;0;4540830;0;1247;0"), (13, "236.0")],
            commands.Select(c => (c.GetProperty("idx").GetInt32(), c.GetProperty("svalue").GetString()!)).Order());
    }
}
