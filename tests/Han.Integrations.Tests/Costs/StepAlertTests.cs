using Han.Costs;
using Han.Integrations.Costs;

namespace Han.Integrations.Tests.Costs;

public sealed class StepAlertTests
{
    private static readonly DateTimeOffset Hour = new(2026, 8, 12, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(7.5, true)] // exactly the limit: 0.6 so far + 6.9 left
    [InlineData(7.499, false)]
    [InlineData(9.0, true)]
    public void AtRisk_ProjectionAgainstSoFarPlusHeadroom_OnFromTheLimit(double projected, bool expected) =>
        Assert.Equal(expected, StepAlert.AtRisk(Projection(Hour, 0.6m, (decimal)projected), 6.9m));

    [Fact]
    public void AtRisk_NoHeadroom_NeverOn() =>
        Assert.False(StepAlert.AtRisk(Projection(Hour, 0.6m, 50m), null)); // the top step, or no capacity charge

    [Fact]
    public void Update_OnThenStillOnThenBelow_RaisedOnceThenCleared()
    {
        var alert = new StepAlert();

        var raised = alert.Update(Projection(Hour.AddMinutes(10), 0.6m, 8m, Hour), 6.9m);
        var still = alert.Update(Projection(Hour.AddMinutes(11), 0.7m, 8.1m, Hour), 6.8m);
        var cleared = alert.Update(Projection(Hour.AddMinutes(12), 0.8m, 2m, Hour), 6.7m);

        Assert.Equal((true, true, true), (raised.Changed, raised.On, raised.ToLog));
        Assert.Same(StepAlertChange.None, still);
        Assert.Same(StepAlertChange.Cleared, cleared);
        Assert.False(alert.IsOn);
    }

    [Fact]
    public void Update_OnAgainInTheSameHour_LoggedOnlyTheFirstTime()
    {
        var alert = new StepAlert();

        var first = alert.Update(Projection(Hour.AddMinutes(10), 0.6m, 8m, Hour), 6.9m);
        alert.Update(Projection(Hour.AddMinutes(11), 0.6m, 1m, Hour), 6.9m);
        var again = alert.Update(Projection(Hour.AddMinutes(12), 0.6m, 8m, Hour), 6.9m);
        var nextHour = alert.Update(Projection(Hour.AddMinutes(61), 0.1m, 9m, Hour.AddHours(1)), 6.9m);

        Assert.True(first.ToLog);
        Assert.Equal((true, true, false), (again.Changed, again.On, again.ToLog));
        Assert.Equal((true, true, true), (nextHour.Changed, nextHour.On, nextHour.ToLog)); // a new hour at risk is told again
    }

    [Fact]
    public void Update_HourEndsWhileOn_ClearedWithTheHour()
    {
        var alert = new StepAlert();
        alert.Update(Projection(Hour.AddMinutes(50), 3m, 8m, Hour), 4.5m);

        var change = alert.Update(Projection(Hour.AddHours(1), 0m, 1m, Hour.AddHours(1)), 7.5m);

        Assert.Same(StepAlertChange.HourEnded, change);
        Assert.False(alert.IsOn);
    }

    private static CurrentHour Projection(DateTimeOffset now, decimal soFar, decimal projected, DateTimeOffset? start = null) =>
        new(start ?? Hour, soFar, "hour aggregate", (int)(now - (start ?? Hour)).TotalSeconds, 1000m, projected, false);
}
