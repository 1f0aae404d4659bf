using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// The sink sees every reading of every meter (every 2 to 10 s, for ever) and has something to say
/// only a few times a day: the readings in between must cost no garbage. Counted in bytes, not timed.
/// </summary>
public sealed class HomeAssistantSinkAllocationTests
{
    [Fact]
    public async Task WriteAsync_ReadingsWithNothingNew_AllocateNothing()
    {
        var publisher = new KeepingPublisher();
        var feed = new MeterFeed("house");
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions(), publisher);
        var reading = feed.Reading("amshan-aidon-no-list2", 0);
        var line = feed.Line(1);
        Completed(sink.WriteAsync(reading, default));
        Completed(sink.WriteAsync(line, default));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Completed(sink.WriteAsync(reading, default));
            Completed(sink.WriteAsync(line, default));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2, publisher.Published.Count); // the first announcement and the one with the line's diagnostics
    }

    /// <summary>The sink finished the write at once (it never waits: publishing only queues).</summary>
    private static void Completed(ValueTask write) => Assert.True(write.IsCompletedSuccessfully);
}
