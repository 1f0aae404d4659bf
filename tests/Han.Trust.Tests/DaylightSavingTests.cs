namespace Han.Trust.Tests;

public class DaylightSavingTests
{
    [Fact]
    public void Build_SpringForwardDay_Has23ExactHoursAndAnExactDailyTotal()
    {
        // 2026-03-29 in Oslo: 02:00 CET jumps to 03:00 CEST; the local day runs 2026-03-28 23:00Z to 22:00Z.
        var start = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);
        var hours = Enumerable.Range(0, 23).Select(h => 1m + (h * 0.01m)).ToArray();
        var history = MeterHistory.Of(start, hours);

        var rows = history.Ledger();
        var day = Assert.Single(PeriodTotals.Daily(rows, MeterHistory.Oslo));

        Assert.Equal(23, rows.Count);
        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
        Assert.Equal(new DateOnly(2026, 3, 29), day.Start);
        Assert.Equal(23, day.Hours);
        Assert.Equal(hours.Sum(), day.Import);
        Assert.Equal(history.RegisterDifference(), day.Import);
        Assert.Equal(23, day.ExactHours);
        Assert.Equal(TimeSpan.FromHours(2), rows[2].StartLocal.Offset);
        Assert.Equal(3, rows[2].StartLocal.Hour);
    }

    [Fact]
    public void Build_FallBackDay_Has25ExactHoursAndPlacesTheRepeatedLocalHourByReceiveTime()
    {
        // 2026-10-25 in Oslo: 03:00 CEST falls back to 02:00 CET; the meter's clock shows 02:00 twice.
        var start = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero);
        var hours = Enumerable.Range(0, 25).Select(h => 2m - (h * 0.02m)).ToArray();
        var history = MeterHistory.Of(start, hours);
        Assert.Equal(2, history.Readings.Count(r => r.MeterClock == new DateTime(2026, 10, 25, 2, 0, 0)));

        var rows = history.Ledger();
        var day = Assert.Single(PeriodTotals.Daily(rows, MeterHistory.Oslo));

        Assert.Equal(25, rows.Count);
        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
        Assert.Equal(hours, rows.Select(r => r.Import.Kwh!.Value));
        Assert.Equal(25, day.Hours);
        Assert.Equal(hours.Sum(), day.Import);
        Assert.Equal(new[] { 2, 2 }, rows.Where(r => r.StartLocal.Hour == 2).Select(r => r.StartLocal.Hour));
        Assert.Equal(new[] { TimeSpan.FromHours(2), TimeSpan.FromHours(1) }, rows.Where(r => r.StartLocal.Hour == 2).Select(r => r.StartLocal.Offset));
    }

    [Fact]
    public void Build_FallBackHourWithNothingUsed_IsNotTakenForARepeatedList()
    {
        // Same local clock (02:00) and, with no consumption, the same registers: still two real lists.
        var history = MeterHistory.Of(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), [1m, 0m, 1m], exportPerHour: null);

        var rows = history.Ledger();

        Assert.Equal([1m, 0m, 1m], rows.Select(r => r.Import.Kwh!.Value));
        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
        Assert.All(rows, row => Assert.Null(row.Export));
    }

    [Fact]
    public void Split_DaylightSavingDays_Give92And100QuarterHoursThatAddUpToTheDay()
    {
        var spring = MeterHistory.Of(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), [.. Enumerable.Repeat(1.2m, 23)]);
        var autumn = MeterHistory.Of(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), [.. Enumerable.Repeat(0.8m, 25)]);

        var springQuarters = QuarterHours.Split(spring.Ledger(), spring.Quarters, MeterHistory.Oslo);
        var autumnQuarters = QuarterHours.Split(autumn.Ledger(), autumn.Quarters, MeterHistory.Oslo);

        Assert.Equal(92, springQuarters.Count);
        Assert.Equal(100, autumnQuarters.Count);
        Assert.Equal(23 * 1.2m, springQuarters.Sum(q => q.Import.Kwh!.Value));
        Assert.Equal(25 * 0.8m, autumnQuarters.Sum(q => q.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_MeterClockInTheSkippedSpringHour_IsPlacedByReceiveTimeAndFlagged()
    {
        var start = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);
        var history = MeterHistory.Of(start, [1m, 1m, 1m, 1m]);
        var boundary = start.AddHours(2);
        // 02:30 does not exist in Oslo on 2026-03-29.
        history.Replace(boundary, r => r with { MeterClock = new DateTime(2026, 3, 29, 2, 30, 0) });

        var rows = history.Ledger();

        Assert.Equal([1m, 1m, 1m, 1m], rows.Select(r => r.Import.Kwh!.Value));
        var flag = Assert.Single(rows[1].Flags);
        Assert.Equal(HourFlagKind.ClockDrift, flag.Kind);
        Assert.Contains("does not exist in Europe/Oslo", flag.Reason, StringComparison.Ordinal);
    }
}
