using System.Text.Json;
using Han.Readings;

namespace Han.Web.Tests;

/// <summary>The live stream over a real connection: every reading as an event, heartbeats while quiet, drops counted.</summary>
public sealed class LiveStreamTests
{
    [Fact]
    public async Task Stream_ReadingsAfterConnecting_DeliversEachAsAnEventInOrder()
    {
        await using var web = await RunningWebServer.StartAsync();
        using var stream = await ServerSentEvents.OpenAsync(web.Client, "api/meters/house/live/stream");
        await stream.WaitForCommentAsync("han live stream of house");
        var lists = SimulatedLists.Take("kaifa", RunningWebServer.Meter, TimeSpan.FromMinutes(3));

        foreach (var list in lists)
        {
            // One at a time, as a meter sends them: a burst larger than the client's queue would drop the oldest.
            await web.FeedAsync([list]);
            var (name, data) = await stream.NextEventAsync();
            Assert.Equal("reading", name);
            using var json = JsonDocument.Parse(data);
            Assert.Equal(ReceiveTime.ToText(list.At), json.RootElement.GetProperty("received").GetString());
            Assert.Equal(list.Reading.Reading[ReadingField.ActivePowerImport], json.RootElement.GetProperty("active_power_import").GetDecimal());
        }

        Assert.Equal(0, web.Live.StreamDrops);
    }

    [Fact]
    public async Task Stream_Quiet_SendsAHeartbeatComment()
    {
        await using var web = await RunningWebServer.StartAsync(heartbeat: TimeSpan.FromMilliseconds(200));
        using var stream = await ServerSentEvents.OpenAsync(web.Client, "api/meters/house/live/stream");

        await stream.WaitForCommentAsync("heartbeat");
    }

    [Fact]
    public async Task Stream_ServerStops_EndsTheStream()
    {
        var web = await RunningWebServer.StartAsync();
        using var client = new HttpClient { BaseAddress = web.Server.Address }; // its own: the server's goes with it
        using var stream = await ServerSentEvents.OpenAsync(client, "api/meters/house/live/stream");
        await stream.WaitForCommentAsync("han live stream of house");
        Assert.Equal(1, web.Live.StreamClients);

        await web.DisposeAsync();

        while (await stream.ReadLineAsync() is { } line)
        {
            Assert.Equal(string.Empty, line); // the end of the first comment; then nothing, and the stream's end
        }
    }

    [Fact]
    public void Offer_AClientThatDoesNotRead_DropsTheOldestAndCountsThem()
    {
        var dropped = 0;
        var client = new StreamClient(() => dropped++);

        for (var i = 0; i < StreamClient.Capacity + 5; i++)
        {
            client.Offer([(byte)i]);
        }

        Assert.Equal(5, dropped);
        Assert.True(client.Readings.TryRead(out var oldestKept));
        Assert.Equal(5, oldestKept[0]);
    }
}
