using Han.Integrations.Mqtt;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>When han decides that another client takes its client id, and when that ends.</summary>
public sealed class ClientIdRivalryTests
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Connected_ThreeLossesEachTakenBackAtOnce_MakesTheRivalryKnownOnce()
    {
        var rivalry = new ClientIdRivalry(LongestWait);
        Assert.False(rivalry.Connected(Start));

        var known = Enumerable.Range(1, 4).Select(i => LoseAndReconnect(rivalry, Start.AddSeconds(2 * i))).ToList();

        Assert.Equal([false, false, true, false], known);
        Assert.True(rivalry.Active);
    }

    [Fact]
    public void Connected_AFailedAttemptBetweenLosses_IsABrokerAwayNotARival()
    {
        var rivalry = new ClientIdRivalry(LongestWait);
        rivalry.Connected(Start);
        LoseAndReconnect(rivalry, Start.AddSeconds(2));
        LoseAndReconnect(rivalry, Start.AddSeconds(4));

        rivalry.Lost(Start.AddSeconds(6));
        rivalry.AttemptFailed(); // the broker restarting: nothing listened for a moment

        Assert.False(rivalry.Connected(Start.AddSeconds(8)));
        Assert.False(rivalry.Active);
    }

    [Fact]
    public void Connected_LossesFurtherApartThanTheWindow_AreNotARival()
    {
        var rivalry = new ClientIdRivalry(LongestWait);
        rivalry.Connected(Start);
        var apart = rivalry.Window + TimeSpan.FromSeconds(1);

        var known = Enumerable.Range(1, 5).Select(i => LoseAndReconnect(rivalry, Start + (apart * i))).ToList();

        Assert.All(known, Assert.False);
        Assert.False(rivalry.Active);
    }

    [Fact]
    public void Connected_TakenOverSaidByTheBroker_MakesTheRivalryKnownAtOnce()
    {
        var rivalry = new ClientIdRivalry(LongestWait);
        rivalry.Connected(Start);

        rivalry.TakenOver();
        rivalry.Lost(Start.AddSeconds(1));

        Assert.True(rivalry.Connected(Start.AddSeconds(2)));
    }

    [Fact]
    public void Held_DuringARivalry_EndsItOnceAndLaterLossesCountAfresh()
    {
        var rivalry = new ClientIdRivalry(LongestWait);
        rivalry.Connected(Start);
        for (var i = 1; i <= 3; i++)
        {
            LoseAndReconnect(rivalry, Start.AddSeconds(2 * i));
        }

        Assert.True(rivalry.Held());
        Assert.False(rivalry.Held());
        Assert.False(rivalry.Active);
        Assert.False(LoseAndReconnect(rivalry, Start.AddMinutes(5)));
        Assert.Equal(TimeSpan.FromMinutes(3), rivalry.Calm);
        Assert.Equal(TimeSpan.FromMinutes(5), rivalry.Window);
    }

    private static bool LoseAndReconnect(ClientIdRivalry rivalry, DateTimeOffset lost)
    {
        rivalry.Lost(lost);
        return rivalry.Connected(lost.AddSeconds(1));
    }
}
