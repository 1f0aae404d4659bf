using Han.Simulation.Load;
using Han.Simulation.Time;

namespace Han.Simulation.Tests;

/// <summary>The household is plausible: Norwegian winter consumption, peaks at dinner, fridge cycles, solar export only in daylight.</summary>
public sealed class LoadModelTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void WinterDay_UsesTensOfKilowattHours_WithEveningPeaksAndNoExport(ulong seed)
    {
        var day = Sample(seed, new DateTime(2025, 1, 15), solarKilowatts: 0);

        var kilowattHours = day.Sum(sample => sample.Watts) * 10 / 3_600_000;
        Assert.InRange(kilowattHours, 25, 120);
        Assert.All(day, sample => Assert.True(sample.Watts > 0));
        Assert.True(day.Max(sample => sample.Watts) > 4000, "cooking and the water heater on top of heating peak above 4 kW");
        Assert.True(Mean(day, 16, 20) > Mean(day, 1, 5) + 500, $"evenings ({Mean(day, 16, 20):F0} W) draw more than nights ({Mean(day, 1, 5):F0} W)");
    }

    [Fact]
    public void SummerDay_WithSolar_ExportsAroundNoonAndNeverAtNight()
    {
        var day = Sample(7, new DateTime(2025, 6, 21), solarKilowatts: 8);

        Assert.All(day.Where(sample => sample.Local.Hour is >= 0 and < 3), sample => Assert.True(sample.Watts > 0));
        Assert.True(Mean(day, 11, 15) < -1000, "an 8 kW plant in June exports around noon");
        Assert.True(day.Min(sample => sample.Watts) > -8000, "never more than the plant's peak");
    }

    [Fact]
    public void Fridge_CyclesItsCompressor()
    {
        var fridge = new Fridge(new SimRandom(5), branch: 0);
        var loads = new BranchLoads(1);
        var start = new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var on = new List<bool>();
        for (var second = 0; second < 6 * 3600; second += 10)
        {
            loads.Clear();
            var instant = start.AddSeconds(second);
            fridge.AddTo(new LoadMoment(instant, NorwegianTime.ToLocal(instant).DateTime), loads);
            on.Add(loads.Active[0] > 50);
        }

        Assert.InRange(on.Count(state => state) / (double)on.Count, 0.15, 0.55);
        Assert.InRange(on.Zip(on.Skip(1)).Count(pair => pair.First != pair.Second), 8, 40);
    }

    private static double Mean(List<(DateTime Local, double Watts)> day, int fromHour, int toHour) =>
        day.Where(sample => sample.Local.Hour >= fromHour && sample.Local.Hour < toHour).Average(sample => sample.Watts);

    /// <summary>The household's net power every 10 s through one local day.</summary>
    private static List<(DateTime Local, double Watts)> Sample(ulong seed, DateTime date, double solarKilowatts)
    {
        Assert.True(NorwegianTime.TryFromLocal(date, out var start));
        var household = new Household(new SimRandom(seed), 3, solarKilowatts);
        var samples = new List<(DateTime, double)>();
        for (var instant = start; instant < start.AddDays(1); instant = instant.AddSeconds(10))
        {
            samples.Add((NorwegianTime.ToLocal(instant).DateTime, household.Sample(instant).TotalActive));
        }

        return samples;
    }
}
