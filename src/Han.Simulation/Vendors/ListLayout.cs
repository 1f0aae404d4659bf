using Han.Readings;
using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Writes the notification body of one list from the values it carries: which list it is follows from
/// what the reading holds (power only, the identity and measurements, or the clock and energy as well),
/// the order and encoding from the vendor.
/// </summary>
public abstract class ListLayout
{
    public void WriteBody(AxdrWriter writer, MeterReading reading, MeterVendor vendor)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(vendor);
        Write(writer, reading, vendor);
    }

    protected abstract void Write(AxdrWriter writer, MeterReading reading, MeterVendor vendor);

    /// <summary>True for a list 3: it carries energy registers.</summary>
    protected static bool IsHourly(MeterReading reading) => reading.Has(Readings.ReadingField.ActiveEnergyImport);

    /// <summary>True for a list 1: active power import and nothing else measured, no identity.</summary>
    protected static bool IsPowerOnly(MeterReading reading) => reading.ListVersion is null;

    /// <summary>The meter id bytes, padded with NUL to the vendor's fixed field length when it has one.</summary>
    protected static byte[] MeterIdBytes(MeterReading reading, MeterVendor vendor)
    {
        var id = System.Text.Encoding.ASCII.GetBytes(Required(reading.MeterId, "meter id"));
        return vendor.IdFieldLength > id.Length ? [.. id, .. new byte[vendor.IdFieldLength - id.Length]] : id;
    }

    protected static string Required(string? value, string what) =>
        value ?? throw new ArgumentException($"a list with identity needs a {what}");

    protected static T Required<T>(T? value, string what)
        where T : struct =>
        value ?? throw new ArgumentException($"this list needs a {what}");
}
