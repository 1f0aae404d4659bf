using Han.Readings;
using Han.Simulation.Meters;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>The energy registers are the integral of the powers the meter reported, to the register's resolution.</summary>
public sealed class EnergyRegisterTests
{
    private static readonly (ReadingField Field, Func<MeasuredPower, long> Power)[] Registers =
    [
        (ReadingField.ActiveEnergyImport, power => power.ActiveImport),
        (ReadingField.ActiveEnergyExport, power => power.ActiveExport),
        (ReadingField.ReactiveEnergyImport, power => power.ReactiveImport),
        (ReadingField.ReactiveEnergyExport, power => power.ReactiveExport),
    ];

    [Theory]
    [InlineData("aidon")]
    [InlineData("kaifa")]
    [InlineData("kamstrup")]
    [InlineData("landisgyr")]
    public void HourlyRegisters_EqualTheHeldPowersIntegratedToTheFullHour(string vendorKey)
    {
        var options = Simulation.Options(vendorKey) with { SolarPeakKilowatts = 5, Start = new DateTimeOffset(2025, 5, 20, 9, 59, 0, TimeSpan.FromHours(2)) };
        var run = Simulation.For(options, TimeSpan.FromHours(4));
        var vendor = options.Vendor;
        var hourly = run.Sent.Where(sent => sent.Kind == ListKind.Hourly).ToList();
        Assert.Equal(4, hourly.Count);

        var decoded = Decoded.From(run.Stream).Readings.Select(reading => reading.Reading).Where(reading => reading.Has(ReadingField.ActiveEnergyImport)).ToList();
        Assert.Equal(hourly.Count, decoded.Count);
        for (var i = 0; i < hourly.Count; i++)
        {
            var captured = new DateTimeOffset(hourly[i].Time.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero);
            for (var register = 0; register < Registers.Length; register++)
            {
                var (field, power) = Registers[register];
                var integral = run.Simulator.InitialRegisters[register] + Integral(run.Sent, captured, power);
                var scaler = vendor.Scalers.Of(field);
                var expected = RawValue.ToMeasurement(integral / (EnergyRegisters.WattMillisecondsPerWattHour * Pow10(scaler)), field, scaler).ToDecimal();
                Assert.Equal(expected, hourly[i].Content[field]);
                Assert.Equal(expected, decoded[i][field]);
            }
        }

        // Something really flowed each way: solar in May exports, the house imports.
        Assert.True(decoded[^1][ReadingField.ActiveEnergyExport] > decoded[0][ReadingField.ActiveEnergyExport]);
        Assert.True(decoded[^1][ReadingField.ActiveEnergyImport] > decoded[0][ReadingField.ActiveEnergyImport]);
    }

    [Fact]
    public void HourlyRegisters_DifferByThePowerTheAidonListsShowedWithinOneResolutionStep()
    {
        // From the decoder's output alone: Aidon reports active import every 2.5 s (lists 1, 2 and 3), so
        // the hour's import is the sum of those readings times 2.5 s; the registers differ by it, to 10 Wh.
        var run = Simulation.For("aidon", TimeSpan.FromHours(3));
        var decoded = Decoded.From(run.Stream).Readings.Select(reading => reading.Reading).ToList();
        var hours = decoded.Select((reading, index) => (reading, index)).Where(entry => entry.reading.Has(ReadingField.ActiveEnergyImport)).ToList();
        for (var h = 1; h < hours.Count; h++)
        {
            // Register h captured 10 s (4 lists) before its list 3; the previous one likewise.
            var watts = decoded.Skip(hours[h - 1].index - 4).Take(hours[h].index - hours[h - 1].index).Sum(reading => reading[ReadingField.ActivePowerImport]!.Value);
            var wattHours = watts * 2.5m / 3600;
            var registerDelta = (hours[h].reading[ReadingField.ActiveEnergyImport] - hours[h - 1].reading[ReadingField.ActiveEnergyImport])!.Value * 1000;
            Assert.InRange(wattHours - registerDelta, -10m, 10m);
            Assert.True(registerDelta > 100, "an hour of a household uses more than 100 Wh");
        }
    }

    /// <summary>Each power held from its list until the next, up to <paramref name="until"/>, in W·ms.</summary>
    private static long Integral(IReadOnlyList<Transmission> sent, DateTimeOffset until, Func<MeasuredPower, long> power)
    {
        var total = 0L;
        for (var i = 0; i + 1 < sent.Count && sent[i].Time < until; i++)
        {
            var end = sent[i + 1].Time < until ? sent[i + 1].Time : until;
            total += power(sent[i].Measured) * (long)(end - sent[i].Time).TotalMilliseconds;
        }

        return total;
    }

    private static long Pow10(int exponent) => exponent == 0 ? 1 : 10 * Pow10(exponent - 1);
}
