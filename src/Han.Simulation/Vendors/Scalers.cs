using Han.Readings;

namespace Han.Simulation.Vendors;

/// <summary>
/// The resolution a vendor sends each quantity at, as a power of ten of the base unit (W, var, A, V,
/// Wh, varh); powers are whole watts and vars for every vendor (norway-lists.md §3-§6).
/// </summary>
public sealed record Scalers(sbyte Current, sbyte Voltage, sbyte Energy)
{
    public sbyte Of(ReadingField field) => ReadingFieldInfo.Of(field).Quantity switch
    {
        Quantity.Current => Current,
        Quantity.Voltage => Voltage,
        Quantity.ActiveEnergy or Quantity.ReactiveEnergy => Energy,
        _ => 0,
    };
}
