using Han.Integrations.HomeAssistant;
using Han.Integrations.Tests.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// The Home Assistant sink over the connection <c>han run</c> uses (<see cref="Han.Integrations.Mqtt.MqttConnection"/>),
/// as every sink test with a broker: the retained announcement, Home Assistant's birth message announcing
/// again, and a broker that lost everything (killed, started without its persistence) finding the
/// device again after han reconnects.
/// </summary>
public sealed class HomeAssistantOverServiceConnectionTests
{
    private const string KamstrupTopic = "homeassistant/device/han_5705705705705702/config";

    [Fact]
    public async Task Sink_BirthMessageAndBrokerRestart_AnnounceTheMeterAgain()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var options = new HomeAssistantOptions { MaxAnnounceDelay = TimeSpan.FromMilliseconds(300), ConfiguredMeters = ["cabin"] };
        await using var sink = new HomeAssistantSink("cabin", options, han.Connection);
        await han.StartAsync();
        using var subscriber = new MosquittoSubscriber(broker, [KamstrupTopic]);

        await sink.WriteAsync(new MeterFeed("cabin").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        var first = await subscriber.WaitForTopicAsync(KamstrupTopic);
        HomeAssistantSinkTests.PublishWithMosquittoPub(broker, "homeassistant/status", "online");
        await subscriber.WaitForAsync(m => m.Topic == KamstrupTopic && subscriber.Messages.Count(n => n.Topic == KamstrupTopic) >= 2);

        broker.Kill();
        broker.Start();
        await han.WaitForConnectionsAsync(2);
        using var afterRestart = new MosquittoSubscriber(broker, [KamstrupTopic]);
        var again = await afterRestart.WaitForTopicAsync(KamstrupTopic);

        Assert.Equal(first.Payload, again.Payload);
        Assert.True(again.Retained);
    }

    [Fact]
    public async Task Sinks_TwoMetersOnOneConnection_BirthMessageAnnouncesBoth()
    {
        const string AidonTopic = "homeassistant/device/han_7359992892587665/config";
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var options = new HomeAssistantOptions { MaxAnnounceDelay = TimeSpan.FromMilliseconds(300), ConfiguredMeters = ["cabin", "house"] };
        await using var cabin = new HomeAssistantSink("cabin", options, han.Connection);
        await using var house = new HomeAssistantSink("house", options, han.Connection);
        await han.StartAsync();
        using var subscriber = new MosquittoSubscriber(broker, [KamstrupTopic, AidonTopic]);
        await cabin.WriteAsync(new MeterFeed("cabin").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await house.WriteAsync(new MeterFeed("house").Reading("amshan-aidon-no-list2", 0), default);
        await subscriber.WaitForTopicAsync(KamstrupTopic);
        await subscriber.WaitForTopicAsync(AidonTopic);

        HomeAssistantSinkTests.PublishWithMosquittoPub(broker, "homeassistant/status", "online");

        // Each meter's device once when first known, once more after the birth message; none left out.
        await subscriber.WaitForAsync(_ => subscriber.Messages.Count(m => m.Topic == KamstrupTopic) == 2 && subscriber.Messages.Count(m => m.Topic == AidonTopic) == 2);
    }
}
