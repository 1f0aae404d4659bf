using Han.Integrations.Mqtt;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>The queue of messages waiting for the broker: what a full queue drops, and that a message in flight stays until done.</summary>
public sealed class MqttOutboxTests
{
    [Fact]
    public async Task Add_FullWithAnOlderRetainedStateOfTheSameTopic_DropsThatOne()
    {
        var counters = new MqttCounters();
        using var outbox = new MqttOutbox(3, counters);
        outbox.Add(Message("han/house/state", "1", retain: true));
        outbox.Add(Message("han/dz", "a", retain: false));
        outbox.Add(Message("han/cabin/state", "1", retain: true));

        outbox.Add(Message("han/house/state", "2", retain: true));

        Assert.Equal(["han/dz a", "han/cabin/state 1", "han/house/state 2"], await DrainAsync(outbox));
        Assert.Equal(1, counters.Dropped);
    }

    [Fact]
    public async Task Add_FullWithoutSupersededRetained_DropsTheOldestNotRetained()
    {
        var counters = new MqttCounters();
        using var outbox = new MqttOutbox(3, counters);
        outbox.Add(Message("han/house/state", "1", retain: true));
        outbox.Add(Message("han/dz", "a", retain: false));
        outbox.Add(Message("han/dz", "b", retain: false));

        outbox.Add(Message("han/cabin/state", "1", retain: true));

        Assert.Equal(["han/house/state 1", "han/dz b", "han/cabin/state 1"], await DrainAsync(outbox));
        Assert.Equal(1, counters.Dropped);
    }

    [Fact]
    public async Task Add_FullOfDifferentRetainedTopics_DropsTheOldest()
    {
        var counters = new MqttCounters();
        using var outbox = new MqttOutbox(2, counters);
        outbox.Add(Message("a", "1", retain: true));
        outbox.Add(Message("b", "1", retain: true));

        outbox.Add(Message("c", "1", retain: true));

        Assert.Equal(["b 1", "c 1"], await DrainAsync(outbox));
        Assert.Equal(1, counters.Dropped);
    }

    [Fact]
    public async Task Retry_MessageInFlight_IsSentAgainFirstAndNeverDropped()
    {
        var counters = new MqttCounters();
        using var outbox = new MqttOutbox(2, counters);
        outbox.Add(Message("a", "1", retain: false));
        outbox.Add(Message("b", "1", retain: false));
        var first = await outbox.NextAsync(CancellationToken.None);

        outbox.Add(Message("c", "1", retain: false)); // full: "b" goes, not "a" in flight
        outbox.Retry();

        Assert.Same(first, await outbox.NextAsync(CancellationToken.None));
        outbox.Retry();
        Assert.Equal(["a 1", "c 1"], await DrainAsync(outbox));
        Assert.Equal(1, counters.Dropped);
    }

    [Fact]
    public async Task NextAsync_Empty_WaitsForTheNextMessage()
    {
        using var outbox = new MqttOutbox(10, new MqttCounters());
        var next = outbox.NextAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        outbox.Add(Message("a", "1", retain: false));

        Assert.Equal("a", (await next.WaitAsync(TimeSpan.FromSeconds(10))).Topic);
    }

    private static MqttOutgoing Message(string topic, string payload, bool retain) => MqttOutgoing.Text(topic, payload, retain);

    private static async Task<List<string>> DrainAsync(MqttOutbox outbox)
    {
        var taken = new List<string>();
        while (outbox.Count > 0)
        {
            var message = await outbox.NextAsync(CancellationToken.None);
            taken.Add($"{message.Topic} {System.Text.Encoding.UTF8.GetString(message.Payload.Span)}");
            outbox.Done();
        }

        return taken;
    }
}
