using Han.Sources.Live;

namespace Han.Sources.Tests.Live;

public sealed class BackoffTests
{
    [Fact]
    public void Next_AfterEachFailure_DoublesUpToTheLongestWithJitterBetweenHalfAndAll()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new Random(1));
        double[] ceilings = [1, 2, 4, 8, 10, 10, 10];

        foreach (var ceiling in ceilings)
        {
            Assert.InRange(backoff.Next().TotalSeconds, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Next_ManyReaders_DoNotAllWaitTheSame()
    {
        var waits = Enumerable.Range(0, 20).Select(seed => new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(seed)).Next()).Distinct();

        Assert.True(waits.Count() > 10);
    }

    [Fact]
    public void Reset_AfterAWorkingConnection_StartsFromTheFirstWaitAgain()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(2));
        for (var i = 0; i < 6; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next().TotalSeconds, 0.5, 1);
    }
}
