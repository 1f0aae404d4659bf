using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Storage.Tests;

/// <summary>Readings to store: real corpus lists decoded by the real decoder, and made-up power sequences.</summary>
internal static class StoreReadings
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A real list (Aidon, Kaifa or Kamstrup, list 2 or 3) received at <paramref name="received"/>, as the live state hands it on.</summary>
    public static ReadingMade Real(string meter, byte[] frame, DateTimeOffset received, decimal? importEstimate = null)
    {
        var reading = OneReading.Decode(frame, received);
        var identity = new MeterIdentity(reading.MeterManufacturer, reading.MeterId, reading.MeterType, reading.ListVersion);
        return new ReadingMade(meter, received, new LiveReading(reading, identity, importEstimate, null));
    }

    /// <summary>The three real frames of the corpus with every kind of value (identity, clock, powers, registers).</summary>
    public static IReadOnlyList<byte[]> RealFrameSet => [RealFrames.AidonList3, RealFrames.KaifaList3, RealFrames.KamstrupList2];

    /// <summary>A list with only active power (W, as the meter's mantissa and exponent), like Aidon's list 1.</summary>
    public static ReadingMade Power(string meter, DateTimeOffset received, Measurement? import, Measurement? export = null)
    {
        var reading = new MeterReading { Received = received };
        if (import is { } importValue)
        {
            reading.Set(ReadingField.ActivePowerImport, importValue);
        }

        if (export is { } exportValue)
        {
            reading.Set(ReadingField.ActivePowerExport, exportValue);
        }

        return new ReadingMade(meter, received, new LiveReading(reading, MeterIdentity.Unknown, null, null));
    }
}
