using Han.Pricing;
using Han.Storage;

namespace Han.Costs.Tests;

public sealed class StoredEnergyTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void ToIntervals_ExactEstimatedAndUnknownHours_BillsTheFirstTwoAndLeavesTheUnknownOut()
    {
        var hours = new[]
        {
            new EnergyAggregate("house", AggregateResolution.Hour, Midnight.AddHours(2), null, null, false, "no data"),
            new EnergyAggregate("house", AggregateResolution.Hour, Midnight, 1.5m, 0.2m, true, null),
            new EnergyAggregate("house", AggregateResolution.Hour, Midnight.AddHours(1), 2.0m, null, false, "estimated"),
        };

        var intervals = StoredEnergy.ToIntervals(hours);

        Assert.Equal(
            [
                EnergyInterval.ForHour(Midnight, 1.5m, 0.2m),
                EnergyInterval.ForHour(Midnight.AddHours(1), 2.0m, 0m, estimated: true),
            ],
            intervals);
    }

    [Fact]
    public void ToIntervals_Quarters_AreQuarterIntervals_AndDaysAreNotEnergyIntervals()
    {
        var periods = new[]
        {
            new EnergyAggregate("house", AggregateResolution.FifteenMinutes, Midnight, 0.4m, 0m, true, null),
            new EnergyAggregate("house", AggregateResolution.Day, Midnight, 30m, 0m, true, null),
        };

        var interval = Assert.Single(StoredEnergy.ToIntervals(periods));

        Assert.Equal(EnergyInterval.Quarter, interval.Length);
    }

    [Fact]
    public void ToSpotPrices_StoredQuarter_KeepsStartLengthAndPrice()
    {
        var stored = new StoredPrice(Midnight, Midnight.AddMinutes(15), 0.8123m, "hvakosterstrommen", Midnight);

        var price = Assert.Single(StoredSpotPrices.ToSpotPrices([stored]));

        Assert.Equal(new SpotPrice(Midnight, TimeSpan.FromMinutes(15), 0.8123m), price);
    }
}
