namespace Han.Trust.Tests;

public class HourlyLedgerTests
{
    /// <summary>2026-01-15 00:00 in Oslo (CET).</summary>
    private static readonly DateTimeOffset Midnight = new(2026, 1, 14, 23, 0, 0, TimeSpan.Zero);

    private static decimal[] Day() => [.. Enumerable.Range(0, 24).Select(h => 0.5m + (h * 0.125m))];

    [Fact]
    public void Build_CleanDay_Gives24ExactUnflaggedHoursEqualToTheRegisterDifferences()
    {
        var history = MeterHistory.Of(Midnight, Day());

        var rows = history.Ledger();

        Assert.Equal(24, rows.Count);
        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
        Assert.Equal(Day(), rows.Select(r => r.Import.Kwh!.Value));
        Assert.All(rows, row => Assert.Equal(0.1m, row.Export!.Kwh));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.FromHours(1)), rows[0].StartLocal);
        Assert.Equal(TimeSpan.FromHours(1), rows[0].StartLocal.Offset);
    }

    [Fact]
    public void Build_MissingHourlyList_SharesTheExactDifferenceByIntegratedPowerAndFlagsBothHours()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var missing = Midnight.AddHours(14);
        history.Drop(missing);

        var rows = history.Ledger();

        var gap = rows.Where(r => r.StartUtc == missing.AddHours(-1) || r.StartUtc == missing).ToList();
        Assert.Equal(2, gap.Count);
        Assert.All(gap, row =>
        {
            Assert.Equal(EnergySource.Estimated, row.Import.Source);
            var flag = Assert.Single(row.Flags);
            Assert.Equal(HourFlagKind.MissingList, flag.Kind);
            Assert.Contains("2026-01-15 12:00Z and 2026-01-15 14:00Z", flag.Reason, StringComparison.Ordinal);
        });
        // The two hours' integrated power was in the true proportion, so the split is the true one.
        Assert.Equal(Day()[13], gap[0].Import.Kwh);
        Assert.Equal(Day()[14], gap[1].Import.Kwh);
        Assert.Equal(history.RegisterDifference(), rows.Sum(r => r.Import.Kwh!.Value));
        Assert.Equal(22, rows.Count(r => r.IsExact));
    }

    [Fact]
    public void Build_MissingListWithoutIntegratedPower_SharesEquallyAndKeepsTheTotal()
    {
        var history = MeterHistory.Of(Midnight, [1m, 2m, 4m]);
        history.Quarters.Clear();
        history.Drop(Midnight.AddHours(1));
        history.Drop(Midnight.AddHours(2));

        var rows = history.Ledger();

        Assert.Equal([2.333333m, 2.333333m, 2.333334m], rows.Select(r => r.Import.Kwh!.Value));
        Assert.Equal(7m, rows.Sum(r => r.Import.Kwh!.Value));
        Assert.All(rows, row => Assert.Equal(HourFlagKind.MissingList, Assert.Single(row.Flags).Kind));
    }

    [Fact]
    public void Build_AidonRepeatsLastHoursList_IgnoresTheRepeatFlagsItAndKeepsTheDayExact()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var previous = history.At(Midnight.AddHours(17));
        var repeatAt = Midnight.AddHours(18);
        // At 18:00 the meter sends 17:00's list again: same clock, same registers (specs/norway-lists.md §3).
        history.Replace(repeatAt, _ => previous with { ReceivedUtc = repeatAt.AddSeconds(5) });

        var rows = history.Ledger();

        var repeated = rows.Single(r => r.StartUtc == repeatAt.AddHours(-1));
        Assert.Contains(repeated.Flags, f => f.Kind == HourFlagKind.RepeatedList);
        Assert.Contains(repeated.Flags, f => f.Kind == HourFlagKind.MissingList);
        Assert.Equal(Day()[17] + Day()[18], rows.Where(r => r.StartUtc == repeatAt.AddHours(-1) || r.StartUtc == repeatAt).Sum(r => r.Import.Kwh!.Value));
        Assert.Equal(history.RegisterDifference(), rows.Sum(r => r.Import.Kwh!.Value));
        Assert.Equal(24, rows.Count);
    }

    [Fact]
    public void Build_SecondListForTheSameHour_KeepsTheFirstAndFlagsTheHour()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var boundary = Midnight.AddHours(6);
        var first = history.At(boundary);
        history.Readings.Add(first with { MeterClock = first.MeterClock!.Value.AddSeconds(10), ReceivedUtc = first.ReceivedUtc.AddSeconds(10), Import = first.Import + 30m });

        var rows = history.Ledger();

        Assert.Equal(Day(), rows.Select(r => r.Import.Kwh!.Value));
        var flag = Assert.Single(rows.Single(r => r.StartUtc == boundary.AddHours(-1)).Flags);
        Assert.Equal(HourFlagKind.RepeatedList, flag.Kind);
        Assert.Equal(24, rows.Count(r => r.IsExact));
    }

    [Fact]
    public void Build_OneRegisterJumpsAndComesBack_IgnoresThatRegisterAndKeepsTheTotalExact()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var glitch = Midnight.AddHours(10);
        history.Replace(glitch, r => r with { Import = r.Import + 500m });

        var rows = history.Ledger();

        var around = rows.Where(r => r.StartUtc == glitch.AddHours(-1) || r.StartUtc == glitch).ToList();
        Assert.All(around, row => Assert.Equal(HourFlagKind.ImplausibleJump, Assert.Single(row.Flags).Kind));
        Assert.Equal([Day()[9], Day()[10]], around.Select(r => r.Import.Kwh!.Value));
        Assert.Equal(history.RegisterDifference(), rows.Sum(r => r.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_RegisterStepsUpAndStays_FlagsTheHourAndFallsBackToTheEstimate()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var step = Midnight.AddHours(10);
        history.ShiftFrom(step, 40m);

        var rows = history.Ledger();

        var jumped = rows.Single(r => r.StartUtc == step.AddHours(-1));
        var flag = Assert.Single(jumped.Flags);
        Assert.Equal(HourFlagKind.ImplausibleJump, flag.Kind);
        Assert.Contains("rose 41.625 kWh", flag.Reason, StringComparison.Ordinal);
        Assert.Equal(new HourEnergy(Day()[9], EnergySource.Estimated), jumped.Import);
        Assert.Equal(23, rows.Count(r => r.IsExact && r.Flags.Count == 0));
        // The day is the true day: one bad hour did not poison it.
        Assert.Equal(Day().Sum(), rows.Sum(r => r.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_SmallDifferenceFromEstimate_IsNotAJump()
    {
        var history = MeterHistory.Of(Midnight, [3m, 3m, 3m]);
        // Power readings lost for a while: the estimate is low, but within the slack (2 kWh or 50 %).
        history.Quarters.RemoveAll(q => q.StartUtc == Midnight.AddHours(1).AddMinutes(45));

        var rows = history.Ledger();

        Assert.All(rows, row => Assert.True(row.IsExact && row.Flags.Count == 0));
    }

    [Fact]
    public void Build_OneRegisterGoesBackwards_IgnoresItAndKeepsTheTotalExact()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var glitch = Midnight.AddHours(5);
        history.Replace(glitch, r => r with { Import = r.Import - 3m });

        var rows = history.Ledger();

        var around = rows.Where(r => r.StartUtc == glitch.AddHours(-1) || r.StartUtc == glitch).ToList();
        Assert.All(around, row => Assert.Equal(HourFlagKind.RegisterBackwards, Assert.Single(row.Flags).Kind));
        Assert.Contains("went backwards from 1002.750 kWh at 2026-01-15 03:00Z to 1000.750 kWh at 2026-01-15 04:00Z", around[0].Flags[0].Reason, StringComparison.Ordinal);
        Assert.Equal(history.RegisterDifference(), rows.Sum(r => r.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_RegisterGoesBackwardsAndStays_FlagsTheHourAndUsesTheEstimate()
    {
        var history = MeterHistory.Of(Midnight, Day());
        var drop = Midnight.AddHours(5);
        history.ShiftFrom(drop, -100m);

        var rows = history.Ledger();

        var hour = rows.Single(r => r.StartUtc == drop.AddHours(-1));
        Assert.Equal(HourFlagKind.RegisterBackwards, Assert.Single(hour.Flags).Kind);
        Assert.Equal(new HourEnergy(Day()[4], EnergySource.Estimated), hour.Import);
        Assert.Equal(Day().Sum(), rows.Sum(r => r.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_RolloverAtConfiguredWrap_CountsTheExactEnergyAcrossTheWrap()
    {
        var history = MeterHistory.Of(Midnight, [1.5m, 1.5m, 1.5m], firstRegister: 99_997.5m);
        for (var i = 0; i < history.Readings.Count; i++)
        {
            history.Readings[i] = history.Readings[i] with { Import = history.Readings[i].Import % 100_000m };
        }

        history.Options = history.Options with { RegisterWrap = 100_000m };

        var rows = history.Ledger();

        Assert.Equal([1.5m, 1.5m, 1.5m], rows.Select(r => r.Import.Kwh!.Value));
        Assert.All(rows, row => Assert.Equal(EnergySource.Exact, row.Import.Source));
        var flag = Assert.Single(rows[1].Flags);
        Assert.Equal(HourFlagKind.Rollover, flag.Kind);
        Assert.Contains("wrapped at 100000 kWh from 99999.0 to 0.5 kWh", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DropToNearZeroWithoutConfiguredWrap_FlagsARolloverAndUsesTheEstimate()
    {
        var history = MeterHistory.Of(Midnight, [1.5m, 1.5m, 1.5m], firstRegister: 99_997.5m);
        for (var i = 0; i < history.Readings.Count; i++)
        {
            history.Readings[i] = history.Readings[i] with { Import = history.Readings[i].Import % 100_000m };
        }

        var rows = history.Ledger();

        Assert.Equal(new HourEnergy(1.5m, EnergySource.Estimated), rows[1].Import);
        var flag = Assert.Single(rows[1].Flags);
        Assert.Equal(HourFlagKind.Rollover, flag.Kind);
        Assert.Contains("the maximum is not configured", flag.Reason, StringComparison.Ordinal);
        Assert.True(rows[0].IsExact && rows[2].IsExact);
        Assert.Equal(4.5m, rows.Sum(r => r.Import.Kwh!.Value));
    }

    [Fact]
    public void Build_SomeListsWithoutExport_KeepsExportExactWhereSentAndSharesOverTheGap()
    {
        var history = MeterHistory.Of(Midnight, [1m, 1m, 1m, 1m]);
        history.Replace(Midnight.AddHours(2), r => r with { Export = null });

        var rows = history.Ledger();

        Assert.All(rows, row => Assert.Equal(EnergySource.Exact, row.Import.Source));
        Assert.Equal([0.1m, 0.1m, 0.1m, 0.1m], rows.Select(r => r.Export!.Kwh!.Value));
        Assert.Equal([EnergySource.Exact, EnergySource.Estimated, EnergySource.Estimated, EnergySource.Exact], rows.Select(r => r.Export!.Source));
        Assert.Equal(HourFlagKind.MissingList, Assert.Single(rows[1].Flags).Kind);
    }
}
