using Han.Integrations.HomeAssistant;
using Han.Integrations.Tests.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// Removal of devices han announced in an earlier run, against a real mosquitto through han's own
/// connection (<see cref="Han.Integrations.Mqtt.MqttConnection"/>): the retained configs are the memory,
/// mosquitto_sub the witness of what the broker still keeps afterwards.
/// </summary>
public sealed class DiscoveryJanitorTests
{
    private const string Configs = "homeassistant/device/+/config";
    private const string HouseTopic = "homeassistant/device/han_7359992892587665/config";
    private const string CabinTopic = "homeassistant/device/han_5705705705705702/config";
    private const string ZigbeeTopic = "homeassistant/device/z2m_0x00158d0001/config";
    private const string OtherHanTopic = "homeassistant/device/han_1234/config";

    [Fact]
    public async Task Janitor_MeterRemovedFromTheConfiguration_ClearsItsDeviceAndNothingElse()
    {
        using var broker = new MosquittoBroker();
        await AnnounceInAnEarlierRunAsync(broker, ("house", "amshan-aidon-no-list2"), ("cabin", "amshan-kamstrup-no-list1-1ph-real"));
        HomeAssistantSinkTests.PublishWithMosquittoPub(broker, ZigbeeTopic, "{\"o\":{\"name\":\"Zigbee2MQTT\"},\"stat_t\":\"han/cabin/state\"}", retain: true);
        HomeAssistantSinkTests.PublishWithMosquittoPub(broker, OtherHanTopic, "{\"o\":{\"name\":\"han\"},\"stat_t\":\"garden/cabin/state\"}", retain: true);
        using var witness = new MosquittoSubscriber(broker, [Configs]);
        await witness.WaitForTopicAsync(OtherHanTopic);

        await using var han = new ConnectionUnderTest(broker);
        var timers = new ManualTimers();
        using var janitor = new DiscoveryJanitor(new HomeAssistantOptions { ConfiguredMeters = ["house"], RetainedConfigsSettle = TimeSpan.Zero }, han.Connection, timers);
        await han.StartAsync();
        await WaitUntilAsync(() => timers.Armed == 1); // set once the cabin's config came back
        timers.FireAll(); // the removal delay has passed
        var cleared = await witness.WaitForAsync(m => m.Topic == CabinTopic && !m.Retained);

        Assert.Equal(string.Empty, cleared.Payload);
        Assert.Equal([CabinTopic], janitor.Removed);
        using var afterwards = new MosquittoSubscriber(broker, [Configs]);
        foreach (var kept in new[] { HouseTopic, ZigbeeTopic, OtherHanTopic })
        {
            Assert.True((await afterwards.WaitForTopicAsync(kept)).Retained);
        }

        Assert.DoesNotContain(afterwards.Messages, m => m.Topic == CabinTopic);
    }

    [Fact]
    public async Task Janitor_MeterReplacedSinceAnEarlierRun_ClearsTheOldMetersDevice()
    {
        using var broker = new MosquittoBroker();
        await AnnounceInAnEarlierRunAsync(broker, ("house", "amshan-aidon-no-list2"));
        using var witness = new MosquittoSubscriber(broker, [Configs]);
        await witness.WaitForTopicAsync(HouseTopic);

        await using var han = new ConnectionUnderTest(broker);
        var options = new HomeAssistantOptions { ConfiguredMeters = ["house"], RetainedConfigsSettle = TimeSpan.Zero };
        using var janitor = new DiscoveryJanitor(options, han.Connection);
        await using var sink = new HomeAssistantSink("house", options, han.Connection, janitor: janitor);
        await han.StartAsync();
        await sink.WriteAsync(new MeterFeed("house").Reading("amsreader-aidon-no-gh1119-1-list3", 0), default);
        await witness.WaitForAsync(m => m.Topic == HouseTopic && m.Payload.Length == 0);

        using var afterwards = new MosquittoSubscriber(broker, [Configs]);
        Assert.True((await afterwards.WaitForTopicAsync("homeassistant/device/han_7359992890497997/config")).Retained);
        Assert.DoesNotContain(afterwards.Messages, m => m.Topic == HouseTopic);
        Assert.Equal([HouseTopic], janitor.Removed);
    }

    [Fact]
    public async Task Janitor_MeterRenamedInTheConfiguration_KeepsItsDevice()
    {
        using var broker = new MosquittoBroker();
        await AnnounceInAnEarlierRunAsync(broker, ("house", "amshan-aidon-no-list2"));
        using var witness = new MosquittoSubscriber(broker, [Configs]);
        await witness.WaitForTopicAsync(HouseTopic);

        await using var han = new ConnectionUnderTest(broker);
        var options = new HomeAssistantOptions { ConfiguredMeters = ["home"], RetainedConfigsSettle = TimeSpan.Zero };
        var timers = new ManualTimers();
        using var janitor = new DiscoveryJanitor(options, han.Connection, timers);
        await using var sink = new HomeAssistantSink("home", options, han.Connection, janitor: janitor);
        await han.StartAsync();
        await WaitUntilAsync(() => timers.Armed == 1); // the old config under "house" came back
        await sink.WriteAsync(new MeterFeed("home").Reading("amshan-aidon-no-list2", 0), default);
        var renamed = await witness.WaitForAsync(m => m.Topic == HouseTopic && m.Payload.Contains("han/home/state", StringComparison.Ordinal));
        Assert.Equal(1, timers.FireAll()); // the removal delay has passed
        await han.DrainAsync();

        Assert.Empty(janitor.Removed);
        using var afterwards = new MosquittoSubscriber(broker, [Configs]);
        Assert.Equal(renamed.Payload, (await afterwards.WaitForTopicAsync(HouseTopic)).Payload);
    }

    private static async Task AnnounceInAnEarlierRunAsync(MosquittoBroker broker, params (string Meter, string Vector)[] meters)
    {
        await using var han = new ConnectionUnderTest(broker);
        // Every sink before the connection, so that each subscription is made as it connects.
        var sinks = meters.Select(m => new HomeAssistantSink(m.Meter, new HomeAssistantOptions(), han.Connection)).ToList();
        await han.StartAsync();
        foreach (var (sink, (meter, vector)) in sinks.Zip(meters))
        {
            await sink.WriteAsync(new MeterFeed(meter).Reading(vector, 0), default);
        }

        await han.DrainAsync(); // closing does not wait for what is still queued
        foreach (var sink in sinks)
        {
            await sink.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 20 s");
            await Task.Delay(20);
        }
    }
}
