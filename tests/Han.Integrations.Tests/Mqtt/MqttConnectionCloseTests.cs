using System.Globalization;
using Han.Integrations.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>
/// How han's MQTT connection ends when han stops with more queued than its patience lets it send:
/// <c>offline</c> still published (retained) and a clean DISCONNECT, and every message counted exactly
/// once, as published or as unsent, checked against what a real mosquitto_sub received.
/// </summary>
public sealed class MqttConnectionCloseTests
{
    [Fact]
    public async Task CloseAsync_QueueLongerThanThePatience_PublishesOfflineAndCountsEveryMessageOnce()
    {
        const int Count = 5000;
        using var broker = new MosquittoBroker();
        // A persistent QoS 1 session made before han connects: it gets every message han published, in order.
        string[] session = ["-c", "-i", "han-test-close"];
        using (new MosquittoSubscriber(broker, ["han/#"], session))
        {
        }

        var han = new ConnectionUnderTest(broker);
        han.Connection.Start();
        await han.WaitForConnectionsAsync();
        broker.Stop();
        await han.WaitUntilAsync(() => !han.Connection.IsConnected, "the lost connection noticed");
        for (var i = 0; i < Count; i++)
        {
            han.Connection.Publish(MqttOutgoing.Text("han/test/n", i.ToString(CultureInfo.InvariantCulture), retain: false));
        }

        broker.Start();
        await han.WaitForConnectionsAsync(2, seconds: 60);
        await han.Connection.CloseAsync(TimeSpan.FromMilliseconds(1));
        await han.DisposeAsync();

        var counters = han.Connection.Counters;
        Assert.Equal(Count, counters.Published + counters.Unsent);
        Assert.True(counters.Unsent > 0, $"all {Count} were sent within the patience, so the test shows nothing about an unfinished queue");
        Assert.Equal(0, counters.Dropped);
        using var subscriber = new MosquittoSubscriber(broker, ["han/#"], session);
        await subscriber.WaitForAsync(_ => OfflineAfterTheNumbers(subscriber.Messages), TimeSpan.FromSeconds(60));
        // Every message han counted as published arrived, and none it counted as unsent (the one in flight got its PUBACK).
        var numbers = subscriber.Messages.Where(m => m.Topic == "han/test/n").Select(m => int.Parse(m.Payload, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, (int)counters.Published), numbers);
        using var later = new MosquittoSubscriber(broker, ["han/status"]);
        var status = await later.WaitForTopicAsync("han/status");
        Assert.Equal("offline", status.Payload);
        Assert.True(status.Retained);
        // mosquitto's words for a DISCONNECT packet; a connection that just closes is logged otherwise.
        Assert.Contains($"Client {han.ClientId} disconnected.", broker.Log, StringComparison.Ordinal);
    }

    /// <summary>
    /// The offline han published as it stopped has arrived: the session delivers in order, so it comes
    /// after every number han published. Not the retained copy mosquitto sends first on SUBSCRIBE, nor
    /// the last will of the connection the broker's stop broke: both come before the numbers.
    /// </summary>
    private static bool OfflineAfterTheNumbers(IReadOnlyList<ReceivedMessage> messages)
    {
        var last = messages.Select((m, i) => (m, i)).LastOrDefault(x => x.m.Topic == "han/test/n", (null!, -1)).i;
        return last >= 0 && messages.Skip(last + 1).Any(m => m.Topic == "han/status" && m.Payload == "offline" && !m.Retained);
    }
}
