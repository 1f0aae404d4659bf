using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Integrations.Tests.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// The sink against a real mosquitto, through han's own connection (<see cref="MqttConnection"/>, as in
/// <c>han run</c>), checked with mosquitto_sub: when a meter is announced, that it is announced again
/// only when something new appears, and what Home Assistant's birth message and a reconnection do.
/// </summary>
public sealed class HomeAssistantSinkTests
{
    private const string Configs = "homeassistant/device/+/config";
    private const string KamstrupTopic = "homeassistant/device/han_5705705705705702/config";

    [Fact]
    public async Task WriteAsync_ListWithoutMeterIdFirst_AnnouncesOnceTheIdComesRetained()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        var aidon = new MeterFeed("house");
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions { ConfiguredMeters = ["house"] }, han.Connection);
        await han.StartAsync();

        await sink.WriteAsync(aidon.Reading("amshan-aidon-no-list1", 0), default);
        await han.DrainAsync();
        Assert.Null(sink.AnnouncedTopic);
        await sink.WriteAsync(aidon.Reading("amshan-aidon-no-list2", 2.5), default);
        var announced = await subscriber.WaitForTopicAsync("homeassistant/device/han_7359992892587665/config");

        Assert.Equal(announced, subscriber.Messages[0]); // nothing before: list 1 has no meter id
        using var payload = JsonDocument.Parse(announced.Payload);
        Assert.Equal("7359992892587665", payload.RootElement.GetProperty("dev").GetProperty("sn").GetString());
        Assert.True(payload.RootElement.GetProperty("cmps").TryGetProperty("u_l2", out _));
        Assert.False(payload.RootElement.GetProperty("cmps").TryGetProperty("i_l2", out _)); // a 3-wire Aidon sends no IL2
        using var later = new MosquittoSubscriber(broker, [Configs]);
        Assert.True((await later.WaitForTopicAsync(announced.Topic)).Retained);
    }

    [Fact]
    public async Task WriteAsync_SameValuesAgain_AnnouncesAgainOnlyWhenANewValueAppears()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        var kamstrup = new MeterFeed("cabin");
        await using var sink = new HomeAssistantSink("cabin", new HomeAssistantOptions(), han.Connection);
        await han.StartAsync();

        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list1-1ph-real", 10), default);
        await sink.WriteAsync(kamstrup.Line(12), default);
        await sink.WriteAsync(kamstrup.Line(22), default);
        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list1-1ph-real", 20), default);
        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list2-1ph-real", 30), default);
        await subscriber.WaitForAsync(m => m.Payload.Contains("\"e_imp\"", StringComparison.Ordinal));

        var announcements = subscriber.Messages;
        Assert.All(announcements, m => Assert.Equal(KamstrupTopic, m.Topic));
        Assert.Equal(3, announcements.Count); // list 1, the line's diagnostics, the hourly list's registers
        Assert.DoesNotContain("chk_err", announcements[0].Payload, StringComparison.Ordinal);
        Assert.Contains("chk_err", announcements[1].Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\"e_imp\"", announcements[1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BirthMessage_Online_AnnouncesAgainThenRepublishesTheState()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var kamstrup = new MeterFeed("cabin");
        var options = new HomeAssistantOptions { MaxAnnounceDelay = TimeSpan.FromMilliseconds(300) };
        var stateRepublished = 0;
        await using var sink = new HomeAssistantSink("cabin", options, han.Connection, republishState: () =>
        {
            Interlocked.Increment(ref stateRepublished);
            han.Connection.Publish(MqttOutgoing.Text("han/cabin/state", "{\"meter\":\"cabin\"}", retain: true));
        });
        await han.StartAsync();
        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await han.DrainAsync();
        using var subscriber = new MosquittoSubscriber(broker, [Configs, "han/cabin/state"]);
        await subscriber.WaitForTopicAsync(KamstrupTopic); // the retained one

        PublishWithMosquittoPub(broker, "homeassistant/status", "offline");
        PublishWithMosquittoPub(broker, "homeassistant/status", "online");
        var state = await subscriber.WaitForTopicAsync("han/cabin/state");

        var messages = subscriber.Messages;
        Assert.Equal([(KamstrupTopic, true), (KamstrupTopic, false), ("han/cabin/state", false)], messages.Select(m => (m.Topic, m.Retained)));
        Assert.Equal(messages[0].Payload, messages[1].Payload);
        Assert.Equal(1, stateRepublished); // offline did nothing
        Assert.Equal("{\"meter\":\"cabin\"}", state.Payload);
    }

    [Fact]
    public async Task BirthMessage_BeforeTheMeterIsKnown_AnnouncesNothing()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var stateRepublished = 0;
        var options = new HomeAssistantOptions { MaxAnnounceDelay = TimeSpan.Zero };
        await using var sink = new HomeAssistantSink("cabin", options, han.Connection, republishState: () => Interlocked.Increment(ref stateRepublished));
        using var subscriber = new MosquittoSubscriber(broker, [Configs, "homeassistant/status"]);
        // Handlers run in the order they subscribed: when this one has the birth message, the sink has handled it (no delay).
        var birthSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        han.Connection.Subscribe("homeassistant/status", _ =>
        {
            birthSeen.TrySetResult();
            return ValueTask.CompletedTask;
        });
        await han.StartAsync();

        PublishWithMosquittoPub(broker, "homeassistant/status", "online");
        await birthSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await subscriber.WaitForTopicAsync("homeassistant/status");
        await han.DrainAsync();
        var kamstrup = new MeterFeed("cabin");
        await sink.WriteAsync(kamstrup.Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await subscriber.WaitForTopicAsync(KamstrupTopic);

        Assert.Equal(["homeassistant/status", KamstrupTopic], subscriber.Messages.Select(m => m.Topic));
        Assert.Equal(0, stateRepublished);
    }

    [Fact]
    public async Task Connected_AfterAReconnection_AnnouncesAgain()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        await using var sink = new HomeAssistantSink("cabin", new HomeAssistantOptions(), han.Connection);
        await han.StartAsync();
        await sink.WriteAsync(new MeterFeed("cabin").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await han.DrainAsync();
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        await subscriber.WaitForTopicAsync(KamstrupTopic);

        await han.PushOffAndWaitForReconnectionAsync(broker);
        var again = await subscriber.WaitForAsync(m => !m.Retained);

        Assert.Equal(KamstrupTopic, again.Topic);
        Assert.Equal(subscriber.Messages[0].Payload, again.Payload);
    }

    [Fact]
    public async Task WriteAsync_MeterThatNeverSendsItsId_IsAnnouncedUnderItsNameAfterThePatience()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        var p1 = new MeterFeed("garage");
        await using var sink = new HomeAssistantSink("garage", new HomeAssistantOptions { IdentityPatience = TimeSpan.FromSeconds(60) }, han.Connection);
        await han.StartAsync();

        await sink.WriteAsync(p1.Reading("amshan-p1-landisgyr-e360", 0), default);
        await sink.WriteAsync(p1.Reading("amshan-p1-landisgyr-e360", 59), default);
        Assert.Null(sink.AnnouncedTopic);
        await sink.WriteAsync(p1.Reading("amshan-p1-landisgyr-e360", 60), default);
        var announced = await subscriber.WaitForTopicAsync("homeassistant/device/han_garage/config");

        using var payload = JsonDocument.Parse(announced.Payload);
        Assert.False(payload.RootElement.GetProperty("dev").TryGetProperty("sn", out _));
        Assert.Equal("han_garage_p_imp_l1", payload.RootElement.GetProperty("cmps").GetProperty("p_imp_l1").GetProperty("uniq_id").GetString());
        Assert.Single(subscriber.Messages);
    }

    [Fact]
    public async Task WriteAsync_AnotherMeterIdOnTheSameLine_ClearsTheOldDeviceAndAnnouncesTheNew()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        var house = new MeterFeed("house");
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions(), han.Connection);
        await han.StartAsync();

        await sink.WriteAsync(house.Reading("amshan-aidon-no-list2", 0), default);
        await sink.WriteAsync(house.Reading("amsreader-aidon-no-gh1119-1-list3", 10), default);
        await subscriber.WaitForTopicAsync("homeassistant/device/han_7359992890497997/config");

        Assert.Equal(
            [("homeassistant/device/han_7359992892587665/config", true), ("homeassistant/device/han_7359992892587665/config", false), ("homeassistant/device/han_7359992890497997/config", true)],
            subscriber.Messages.Select(m => (m.Topic, m.Payload.Length > 0)));
        Assert.Equal("homeassistant/device/han_7359992890497997/config", sink.AnnouncedTopic);
    }

    internal static void PublishWithMosquittoPub(MosquittoBroker broker, string topic, string payload, bool retain = false)
    {
        var start = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        string[] arguments = ["-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-m", payload, "-q", "1", .. retain ? new[] { "-r" } : []];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
