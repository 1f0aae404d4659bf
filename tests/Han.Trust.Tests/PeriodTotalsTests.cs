namespace Han.Trust.Tests;

public class PeriodTotalsTests
{
    /// <summary>2026-03-01 00:00 in Oslo; March 2026 has the 23-hour day.</summary>
    private static readonly DateTimeOffset March = new(2026, 2, 28, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Monthly_MonthWithMissingAndBadHours_IsTheTrueTotalAndCountsEstimatedHours()
    {
        var hours = (31 * 24) - 1;
        var energy = Enumerable.Range(0, hours).Select(h => 0.5m + (h % 24 * 0.05m)).ToArray();
        var history = MeterHistory.Of(March, energy);
        history.Drop(March.AddHours(100));
        history.ShiftFrom(March.AddHours(300), 77m);

        var rows = history.Ledger();
        var month = Assert.Single(PeriodTotals.Monthly(rows, MeterHistory.Oslo));
        var days = PeriodTotals.Daily(rows, MeterHistory.Oslo);

        Assert.Equal(new DateOnly(2026, 3, 1), month.Start);
        Assert.Equal(hours, month.Hours);
        Assert.Equal(energy.Sum(), month.Import);
        Assert.Equal(3, month.EstimatedHours);
        Assert.Equal(hours - 3, month.ExactHours);
        Assert.Equal(3, month.FlaggedHours);
        Assert.Equal(0, month.UnknownHours);
        Assert.Equal(31, days.Count);
        Assert.Equal(23, days.Single(d => d.Start == new DateOnly(2026, 3, 29)).Hours);
        Assert.Equal(month.Import, days.Sum(d => d.Import));
        Assert.Equal(hours * 0.1m, month.Export);
    }

    [Fact]
    public void Daily_HoursWithNothingKnown_AddNothingAndAreCounted()
    {
        var history = MeterHistory.Of(March, [1m, 1m, 1m, 1m]);
        history.Quarters.Clear();
        history.ShiftFrom(March.AddHours(2), -50m); // goes backwards and stays: no estimate to fall back on

        var rows = history.Ledger();
        var day = Assert.Single(PeriodTotals.Daily(rows, MeterHistory.Oslo));

        Assert.Equal(HourEnergy.Unknown, rows[1].Import);
        Assert.Equal(3m, day.Import);
        Assert.Equal(1, day.UnknownHours);
        Assert.Equal(3, day.ExactHours);
    }
}
