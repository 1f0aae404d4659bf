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

    [Fact]
    public void Longest_AfterAConnection_WaitsAtTheCapAndSoDoesNext()
    {
        var delay = new ReconnectDelay(new Random(3));
        delay.Reset();

        var longest = delay.Longest().TotalSeconds;
        var next = delay.Next().TotalSeconds;

        Assert.InRange(longest, 30, 60);
        Assert.InRange(next, 30, 60);
    }

    [Fact]
    public void Next_OwnFirstAndCap_DoublesFromTheFirstUpToTheCap()
    {
        var delay = new ReconnectDelay(new Random(4), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(4));

        var waits = Enumerable.Range(0, 8).Select(_ => delay.Next().TotalSeconds).ToList();

        for (var i = 0; i < waits.Count; i++)
        {
            var ceiling = Math.Min(4, 0.2 * Math.Pow(2, i));
            Assert.InRange(waits[i], ceiling / 2, ceiling);
        }
    }
}
