using Han.Protocol.Cosem;
using Han.Readings;
using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>The meter clock is Norwegian wall time: a spring day has 23 hourly lists, an autumn day 25.</summary>
public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData(3, 23, "0 1 3", 2)] // spring: 02:00-03:00 does not exist, summer time from 03:00
    [InlineData(10, 25, "0 1 2 2 3", 3)] // autumn: 02:00 twice, summer time until the first
    public void DaylightSavingDay_HasAnHourlyListForEachWallClockHour(int month, int lists, string firstHours, int before)
    {
        var (local, decoded, _) = HourlyLists("aidon", new DateTime(2025, month, month == 3 ? 30 : 26));

        Assert.Equal(lists, local.Count);
        var hours = firstHours.Split(' ').Select(int.Parse).ToList();
        Assert.Equal([.. hours, .. Enumerable.Range(hours[^1] + 1, lists - hours.Count)], local.Select(time => time.Hour));
        var (first, then) = month == 3 ? (1, 2) : (2, 1);
        Assert.All(local.Take(before), time => Assert.Equal(TimeSpan.FromHours(first), time.Offset));
        Assert.All(local.Skip(before), time => Assert.Equal(TimeSpan.FromHours(then), time.Offset));
        Assert.Equal(local.Select(time => time.DateTime), decoded.Select(reading => reading.MeterTime!.Value.Local));
    }

    [Fact]
    public void Kamstrup_AutumnDay_FlagsSummerTimeInTheClockStatusUntilTheChange()
    {
        var (local, decoded, apdus) = HourlyLists("kamstrup", new DateTime(2025, 10, 26));

        Assert.Equal(25, local.Count);
        // The clock object's value becomes the reading's meter_time, which keeps no clock status: read the
        // status from the list's clock object on the wire (the first octet-string of 12 after the header).
        var status = apdus.Select(ClockObjectStatus).ToList();
        Assert.All(status.Take(3), flag => Assert.Equal(CosemDateTime.StatusDaylightSaving, flag));
        Assert.All(status.Skip(3), flag => Assert.Equal(0, flag));
        Assert.Equal(local.Select(time => time.DateTime), decoded.Select(reading => reading.MeterTime!.Value.Local));
    }

    [Fact]
    public void NorwegianTime_AgreesWithTheSystemsEuropeOsloZone()
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        for (var instant = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero); instant.Year < 2040; instant = instant.AddHours(7))
        {
            Assert.Equal(oslo.GetUtcOffset(instant), NorwegianTime.OffsetAt(instant));
        }
    }

    [Fact]
    public void TryFromLocal_SpringGap_IsNoInstant_AutumnRepeat_IsTheSummerOne()
    {
        Assert.False(NorwegianTime.TryFromLocal(new DateTime(2025, 3, 30, 2, 30, 0), out _));
        Assert.True(NorwegianTime.TryFromLocal(new DateTime(2025, 10, 26, 2, 30, 0), out var repeated));
        Assert.Equal(TimeSpan.FromHours(2), repeated.Offset);
    }

    /// <summary>A whole local day's hourly lists: their clocks as the simulator logged them, and as the decoder read them.</summary>
    /// <summary>
    /// The clock status (byte 11 of the COSEM date-time) of the clock object in a data-notification: the
    /// header (tag, 4-byte invoke id, 0C and its 12-byte date-time) is skipped, then the first <c>09 0C</c>.
    /// </summary>
    private static byte ClockObjectStatus(byte[] apdu)
    {
        const int body = 1 + 4 + 1 + 12;
        var at = apdu.AsSpan(body).IndexOf([(byte)0x09, (byte)0x0C]);
        Assert.True(at >= 0, "no date-time in the list");
        return apdu[body + at + 2 + 11];
    }

    private static (List<DateTimeOffset> Local, List<MeterReading> Decoded, List<byte[]> Apdus) HourlyLists(string vendor, DateTime day)
    {
        Assert.True(NorwegianTime.TryFromLocal(day, out var start));
        Assert.True(NorwegianTime.TryFromLocal(day.AddDays(1), out var end));
        var run = Simulation.For(Simulation.Options(vendor, start: start), end - start);
        var hourly = run.Sent.Where(list => list.Kind == ListKind.Hourly).ToList();
        // Decoding only the hourly frames keeps the test quick; they decode alone (each names its meter).
        var result = Decoded.From([.. hourly.SelectMany(list => list.Wire)]);
        var decoded = result.Readings.Select(reading => reading.Reading).Where(reading => reading.Has(ReadingField.ActiveEnergyImport)).ToList();
        Assert.Equal(hourly.Count, decoded.Count);
        Assert.Equal(hourly.Count, result.Apdus.Count);
        var vendorShowsCaptureTime = MeterVendors.Find(vendor)!.Clock.HourlyShowsCaptureTime;
        var clocks = hourly.Select(list => vendorShowsCaptureTime ? NorwegianTime.ToLocal(list.Time - MeterVendors.Find(vendor)!.Cadence.HourlyAt) : list.LocalTime).ToList();
        Assert.Equal(clocks.Select(clock => clock.DateTime), hourly.Select(list => list.Content.MeterTime!.Value.Local));
        return (clocks, decoded, result.Apdus);
    }
}
