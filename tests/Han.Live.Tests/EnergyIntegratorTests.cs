namespace Han.Live.Tests;

public sealed class EnergyIntegratorTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Estimate_SteadyPowerForAnHour_CountsExactlyItsEnergyFromTheRegister()
    {
        var integrator = new EnergyIntegrator(TimeSpan.FromMinutes(2));
        integrator.AddRegister(100m);

        for (var seconds = 0; seconds <= 3600; seconds += 10)
        {
            integrator.AddPower(1500m, Hour.AddSeconds(seconds));
        }

        Assert.Equal(101.5m, integrator.Estimate);
    }

    [Fact]
    public void Estimate_PowerThatChanges_IsTheAreaOfTheTrapezoidsBetweenReadings()
    {
        var integrator = new EnergyIntegrator(TimeSpan.FromMinutes(2));
        integrator.AddRegister(0m);

        integrator.AddPower(0m, Hour);
        integrator.AddPower(3600m, Hour.AddSeconds(10)); // (0 + 3600) / 2 W for 10 s = 5 Wh

        Assert.Equal(0.005m, integrator.Estimate);
    }

    [Fact]
    public void Estimate_BeforeTheFirstRegister_IsUnknown()
    {
        var integrator = new EnergyIntegrator(TimeSpan.FromMinutes(2));

        integrator.AddPower(2000m, Hour);
        integrator.AddPower(2000m, Hour.AddSeconds(10));

        Assert.Null(integrator.Estimate);
    }

    [Fact]
    public void Estimate_AcrossAGapLongerThanTheLimit_CountsNothingForTheGap()
    {
        var integrator = new EnergyIntegrator(TimeSpan.FromMinutes(2));
        integrator.AddRegister(10m);
        integrator.AddPower(3600m, Hour);

        integrator.AddPower(3600m, Hour.AddMinutes(30)); // the line was down: no guess
        integrator.AddPower(3600m, Hour.AddMinutes(30).AddSeconds(10));

        Assert.Equal(10.01m, integrator.Estimate);
    }

    [Fact]
    public void Estimate_RegisterBelowWhatWasCounted_HoldsUntilItIsPassedAndNeverGoesDown()
    {
        var integrator = new EnergyIntegrator(TimeSpan.FromMinutes(2));
        integrator.AddRegister(10m);
        integrator.AddPower(3600m, Hour);
        integrator.AddPower(3600m, Hour.AddMinutes(1)); // 10.06
        var shown = new List<decimal?> { integrator.Estimate };

        integrator.AddRegister(10.05m); // the meter counted less than the estimate
        shown.Add(integrator.Estimate);
        integrator.AddPower(3600m, Hour.AddMinutes(1).AddSeconds(5)); // 10.055: still below 10.06
        shown.Add(integrator.Estimate);
        integrator.AddPower(3600m, Hour.AddMinutes(1).AddSeconds(20)); // 10.07: counts on
        shown.Add(integrator.Estimate);

        Assert.Equal([10.06m, 10.06m, 10.06m, 10.07m], shown);
    }
}
