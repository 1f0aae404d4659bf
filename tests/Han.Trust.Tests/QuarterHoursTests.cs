namespace Han.Trust.Tests;

public class QuarterHoursTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Split_ExactHour_ScalesTheIntegratedShapeToTheHoursExactEnergy()
    {
        var history = MeterHistory.Of(Start, [2m]);
        // The integrated power ran 10 % low, as it does when some power readings are lost.
        history.Quarters.Clear();
        history.AddQuarters(Start, 1.8m, 0.09m);

        var quarters = QuarterHours.Split(history.Ledger(), history.Quarters, MeterHistory.Oslo);

        Assert.Equal([0.2m, 0.4m, 0.6m, 0.8m], quarters.Select(q => q.Import.Kwh!.Value));
        Assert.All(quarters, q => Assert.Equal(EnergySource.Exact, q.Import.Source));
        Assert.Equal(0.1m, quarters.Sum(q => q.Export!.Kwh!.Value));
        Assert.Equal(Start.AddMinutes(45), quarters[3].StartUtc);
        Assert.Equal(7, quarters[3].StartLocal.Hour);
    }

    [Fact]
    public void Split_HourMissingAQuartersPower_SharesItEquallyAndKeepsTheSum()
    {
        var history = MeterHistory.Of(Start, [1m]);
        history.Quarters.RemoveAt(2);

        var quarters = QuarterHours.Split(history.Ledger(), history.Quarters, MeterHistory.Oslo);

        Assert.Equal([0.25m, 0.25m, 0.25m, 0.25m], quarters.Select(q => q.Import.Kwh!.Value));
    }

    [Fact]
    public void Split_UnknownHour_GivesUnknownQuarters()
    {
        var hour = new HourRow(Start, Start, HourEnergy.Unknown, null, []);

        var quarters = QuarterHours.Split([hour], [], MeterHistory.Oslo);

        Assert.Equal(4, quarters.Count);
        Assert.All(quarters, q => Assert.Equal(HourEnergy.Unknown, q.Import));
    }
}
