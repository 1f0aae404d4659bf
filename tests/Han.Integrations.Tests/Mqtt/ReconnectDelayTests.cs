using Han.Integrations.Mqtt;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>The back-off between attempts to reach the broker: doubling, capped, jittered, and reset by a connection.</summary>
public sealed class ReconnectDelayTests
{
    [Fact]
    public void Next_RepeatedFailures_DoublesWithinJitterUpToTheCap()
    {
        var delay = new ReconnectDelay(new Random(1));

        var waits = Enumerable.Range(0, 12).Select(_ => delay.Next().TotalSeconds).ToList();

        for (var i = 0; i < waits.Count; i++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, i));
            Assert.InRange(waits[i], ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Reset_AfterFailures_StartsAgainFromTheFirstWait()
    {
        var delay = new ReconnectDelay(new Random(2));
        for (var i = 0; i < 8; i++)
        {
            delay.Next();
        }

        delay.Reset();

        Assert.InRange(delay.Next().TotalSeconds, 0.5, 1);
    }
}
