namespace Han.Trust.Tests;

public class ClockDriftTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_MeterClockTenMinutesSlow_PlacesTheRegisterByReceiveTimeKeepsItExactAndFlagsBothHours()
    {
        var history = MeterHistory.Of(Start, [1m, 2m, 3m, 4m]);
        var boundary = Start.AddHours(2);
        history.Replace(boundary, r => r with { MeterClock = r.MeterClock!.Value.AddMinutes(-10) });

        var rows = history.Ledger();

        Assert.Equal([1m, 2m, 3m, 4m], rows.Select(r => r.Import.Kwh!.Value));
        Assert.All(rows, row => Assert.Equal(EnergySource.Exact, row.Import.Source));
        var flagged = rows.Where(r => r.Flags.Count > 0).ToList();
        Assert.Equal([boundary.AddHours(-1), boundary], flagged.Select(r => r.StartUtc));
        Assert.All(flagged, row =>
        {
            var flag = Assert.Single(row.Flags);
            Assert.Equal(HourFlagKind.ClockDrift, flag.Kind);
            Assert.Contains("is -10.1 min from the receive time", flag.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Build_MeterClockTwoMinutesOff_IsWithinTheAllowedDriftAndUnflagged()
    {
        var history = MeterHistory.Of(Start, [1m, 2m, 3m]);
        history.Replace(Start.AddHours(1), r => r with { MeterClock = r.MeterClock!.Value.AddMinutes(2) });

        var rows = history.Ledger();

        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
    }

    [Fact]
    public void Build_MeterClockAnHourOffWithNewRegisters_IsNotTakenForARepeat()
    {
        var history = MeterHistory.Of(Start, [1m, 2m, 3m]);
        // The meter's clock jumps an hour ahead (a wrong DST switch), but its registers are new.
        history.Replace(Start.AddHours(2), r => r with { MeterClock = r.MeterClock!.Value.AddHours(1) });

        var rows = history.Ledger();

        Assert.Equal([1m, 2m, 3m], rows.Select(r => r.Import.Kwh!.Value));
        Assert.Contains(rows[1].Flags, f => f.Kind == HourFlagKind.ClockDrift);
        Assert.DoesNotContain(rows.SelectMany(r => r.Flags), f => f.Kind == HourFlagKind.RepeatedList);
    }
}
