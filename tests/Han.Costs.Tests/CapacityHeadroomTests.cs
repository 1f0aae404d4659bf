using Han.Pricing;

namespace Han.Costs.Tests;

public sealed class CapacityHeadroomTests
{
    /// <summary>Elvia's steps from July 2026 (specs/pricing.md §5.2), NOK/month ex VAT.</summary>
    private static readonly CapacityCharge Elvia = new(
        CapacityMethod.ThreeDailyMaximaOfMonth,
        ThresholdIncluded: true,
        [new(0m, 120m), new(2m, 200m), new(5m, 336m), new(10m, 468m), new(15m, 604m), new(20m, 740m), new(25m, 1408m)]);

    [Fact]
    public void Compute_ThreeOtherDays_HourMayReachWhatBringsTheMeanToTheNextBound()
    {
        // Other days 6.2, 5.8, 4.9 (the worked example of pricing.md §9): mean 5.63, step 5-10.
        var (step, upTo, headroom) = CapacityHeadroom.Compute(Elvia, [6.2m, 5.8m, 4.9m], todayBefore: 3.0m, hourSoFar: 1.5m);

        Assert.Equal(5m, step.FromKwhPerHour);
        Assert.Equal(10m, upTo);
        // The hour may reach 3 × 10 − (6.2 + 5.8) = 18 kWh: 16.5 more than the 1.5 so far.
        Assert.Equal(16.5m, headroom);
    }

    [Fact]
    public void Compute_HeadroomUsedUp_TheMeanAtTheBoundIsTheNextStep()
    {
        var (_, _, headroom) = CapacityHeadroom.Compute(Elvia, [6.2m, 5.8m, 4.9m], todayBefore: null, hourSoFar: 18m);
        Assert.Equal(0m, headroom);

        // Check the claim with the step rule itself: an hour of 18 kWh makes the mean 10, the next step.
        var (after, _) = Elvia.StepFor((18m + 6.2m + 5.8m) / 3m);
        Assert.Equal(10m, after.FromKwhPerHour);
    }

    [Fact]
    public void Compute_FirstDayOfTheMonth_TheHourAloneChoosesTheStep()
    {
        var (step, _, headroom) = CapacityHeadroom.Compute(Elvia, [], todayBefore: null, hourSoFar: 0.5m);

        Assert.Equal(0m, step.FromKwhPerHour);
        Assert.Equal(1.5m, headroom);
    }

    [Fact]
    public void Compute_SecondDay_MeanOfTwoDays()
    {
        // One other day at 3 kWh/h, today nothing stored yet: the step is 2-5, and the hour may reach 2 × 5 − 3 = 7.
        var (step, _, headroom) = CapacityHeadroom.Compute(Elvia, [3m], todayBefore: null, hourSoFar: 1m);

        Assert.Equal(2m, step.FromKwhPerHour);
        Assert.Equal(6m, headroom);
    }

    [Fact]
    public void Compute_TopStep_NoHeadroom()
    {
        var (step, upTo, headroom) = CapacityHeadroom.Compute(Elvia, [30m, 28m, 27m], todayBefore: 26m, hourSoFar: 5m);

        Assert.Equal(25m, step.FromKwhPerHour);
        Assert.Null(upTo);
        Assert.Null(headroom);
    }

    [Fact]
    public void Compute_MonthlyMaximum_TheHourMayReachTheBound()
    {
        var single = Elvia with { Method = CapacityMethod.MonthlyMaximum };

        var (step, _, headroom) = CapacityHeadroom.Compute(single, [7m, 4m], todayBefore: 6m, hourSoFar: 2m);

        Assert.Equal(5m, step.FromKwhPerHour);
        Assert.Equal(8m, headroom);
    }
}
