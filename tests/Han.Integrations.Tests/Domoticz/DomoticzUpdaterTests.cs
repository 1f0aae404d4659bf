using Han.Integrations.Domoticz;
using Han.Live;
using Han.Readings;

namespace Han.Integrations.Tests.Domoticz;

public sealed class DomoticzUpdaterTests
{
    private const string KamstrupHourly = "amsreader-kamstrup-no-em001-1-list2"; // 1247 W, registers 85823.28 kWh import, 4540.83 kWh export
    private const string KamstrupTenSecond = "amsreader-kamstrup-no-gh862-3"; // 3825 W, no register
    private const string AidonPowerOnly = "amshan-aidon-no-list1"; // 280 W
    private const string AidonNoRegister = "amshan-aidon-no-list2"; // power, voltages, L1 and L3 currents
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 5, TimeSpan.Zero);

    private static readonly DomoticzDevices Every = new(new Dictionary<DomoticzDevice, int>
    {
        [DomoticzDevice.P1] = 1,
        [DomoticzDevice.Power] = 2,
        [DomoticzDevice.PowerExport] = 3,
        [DomoticzDevice.VoltageL1] = 4,
        [DomoticzDevice.VoltageL2] = 5,
        [DomoticzDevice.VoltageL3] = 6,
        [DomoticzDevice.Current] = 7,
        [DomoticzDevice.CurrentL2] = 8,
    });

    [Fact]
    public void Take_HourlyList_SendsEveryDeviceWithTheMetersValues()
    {
        var meter = new CorpusReadings();
        var updater = new DomoticzUpdater(Every, TimeSpan.FromSeconds(10));

        var updates = updater.Take(meter.Live(KamstrupHourly, Start), Start).ToDictionary(u => u.Idx);

        Assert.Equal("85823280;0;4540830;0;1247;0", updates[1].SValue);
        Assert.Equal("1247;85823280", updates[2].SValue);
        Assert.Equal("236.0", updates[4].SValue);
        Assert.Equal("236.0", updates[6].SValue);
        Assert.Equal("1.89;3.27;1.28", updates[7].SValue);
        Assert.Equal("3.27", updates[8].SValue);
        Assert.All(updates.Values, u => Assert.Equal(0, u.NValue));
    }

    [Fact]
    public void Take_NoRegisterYet_SendsNoCounterDevice()
    {
        // A kWh device in Domoticz' default mode would book a 0 as a counter reset: wait for the register.
        var meter = new CorpusReadings();
        var updater = new DomoticzUpdater(Every, TimeSpan.FromSeconds(10));

        var updates = updater.Take(meter.Live(AidonNoRegister, Start), Start);

        Assert.Equal([4, 5, 6, 7], updates.Select(u => u.Idx));
        Assert.Equal("1.30;0.00;0.90", updates.Single(u => u.Idx == 7).SValue); // L2 is not measured in an IT grid
    }

    [Fact]
    public void Take_ReadingsEveryTwoAndAHalfSeconds_SendsEachDeviceOncePerInterval()
    {
        var meter = new CorpusReadings();
        var updater = new DomoticzUpdater(Every, TimeSpan.FromSeconds(10));
        var sent = new List<(double Second, DomoticzUpdate Update)>();
        sent.AddRange(updater.Take(meter.Live(KamstrupHourly, Start), Start).Select(u => (0.0, u)));
        for (var second = 2.5; second <= 30; second += 2.5)
        {
            var at = Start.AddSeconds(second);
            sent.AddRange(updater.Take(meter.Live(KamstrupTenSecond, at), at).Select(u => (second, u)));
        }

        var powerSent = sent.Where(s => s.Update.Idx == 2).ToList();
        Assert.Equal([0.0, 10, 20, 30], powerSent.Select(s => s.Second));
        // The latest values when due: the power of the last reading, the counter moved on by it.
        Assert.StartsWith("3825;", powerSent[1].Update.SValue, StringComparison.Ordinal);
        Assert.Equal(4, sent.Count(s => s.Update.Idx == 1));
    }

    [Fact]
    public void Take_PowerBetweenRegisters_MovesTheCounterByTheIntegratedEnergy()
    {
        var meter = new CorpusReadings();
        var updater = new DomoticzUpdater(Every, TimeSpan.Zero);
        updater.Take(meter.Live(KamstrupHourly, Start), Start);

        var later = updater.Take(meter.Live(KamstrupTenSecond, Start.AddSeconds(10)), Start.AddSeconds(10));

        // (1247 W + 3825 W) / 2 over 10 s = 7.04 Wh on top of 85 823 280 Wh.
        Assert.Equal("3825;85823287", later.Single(u => u.Idx == 2).SValue);
        Assert.Equal("85823287;0;4540830;0;3825;0", later.Single(u => u.Idx == 1).SValue);
    }

    [Fact]
    public void Take_LowerCounterThanSent_KeepsTheCounterWhereItWas()
    {
        var updater = new DomoticzUpdater(Every, TimeSpan.Zero);
        updater.Take(Made(power: 500, importKwh: 100.5m), Start);

        var after = updater.Take(Made(power: 400, importKwh: 100.4m), Start.AddSeconds(10));

        Assert.Equal("400;100500", after.Single(u => u.Idx == 2).SValue);
    }

    [Fact]
    public void Take_TariffRegisters_FillUsage1AndUsage2()
    {
        var updater = new DomoticzUpdater(Every, TimeSpan.Zero);
        var reading = new MeterReading();
        reading.Set(ReadingField.ActivePowerImport, new Measurement(1520, 0));
        reading.Set(ReadingField.ActivePowerExport, new Measurement(0, 0));
        reading.Set(ReadingField.ActiveEnergyImportTariff1, new Measurement(1234567, -3));
        reading.Set(ReadingField.ActiveEnergyImportTariff2, new Measurement(2345678, -3));
        reading.Set(ReadingField.ActiveEnergyExportTariff1, new Measurement(11, -3));
        reading.Set(ReadingField.ActiveEnergyExportTariff2, new Measurement(22, -3));

        var p1 = updater.Take(new LiveReading(reading, MeterIdentity.Unknown, null, null), Start).Single(u => u.Idx == 1);

        Assert.Equal("1234567;2345678;11;22;1520;0", p1.SValue);
    }

    [Fact]
    public void Take_ClockSetBack_SendsAtOnce()
    {
        var updater = new DomoticzUpdater(Every, TimeSpan.FromSeconds(60));
        updater.Take(Made(power: 500, importKwh: 1m), Start);

        var after = updater.Take(Made(power: 600, importKwh: 1m), Start.AddHours(-1));

        Assert.Contains(after, u => u.Idx == 2);
    }

    [Fact]
    public void Take_PowerOnlyListBeforeAnyOther_SendsNothing()
    {
        var meter = new CorpusReadings();
        var updater = new DomoticzUpdater(Every, TimeSpan.Zero);

        Assert.Empty(updater.Take(meter.Live(AidonPowerOnly, Start), Start));
    }

    private static LiveReading Made(long power, decimal importKwh)
    {
        var reading = new MeterReading();
        reading.Set(ReadingField.ActivePowerImport, new Measurement(power, 0));
        return new LiveReading(reading, MeterIdentity.Unknown, importKwh, null);
    }
}
