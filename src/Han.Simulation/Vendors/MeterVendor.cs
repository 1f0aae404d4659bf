using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Everything particular to one meter family, as data (DESIGN.md §4: quirks are data, not ifs): what it
/// is called, what it sends and how, and when. One instance per vendor, in this folder.
/// </summary>
public sealed record MeterVendor
{
    /// <summary>The name on the command line: aidon, kaifa, kamstrup, landisgyr.</summary>
    public required string Key { get; init; }

    /// <summary>The meter_manufacturer the decoder reports for this vendor's lists.</summary>
    public required string Manufacturer { get; init; }

    /// <summary>The OBIS list version identifier (AIDON_V0001, KFM_001, Kamstrup_V0001, EMBRIQ_V1_1).</summary>
    public required string ListId { get; init; }

    public required MeterTypes Types { get; init; }

    /// <summary>The digits every meter id of this vendor starts with (GS1 company prefix).</summary>
    public required string IdPrefix { get; init; }

    /// <summary>How many digits a meter id has.</summary>
    public int IdDigits { get; init; } = 16;

    /// <summary>A fixed length the meter id field is padded to with NUL bytes (L&amp;G E350: 16), or 0.</summary>
    public int IdFieldLength { get; init; }

    /// <summary>The three-letter FLAG id that starts the system title of a ciphered frame.</summary>
    public required string SystemTitlePrefix { get; init; }

    public required Scalers Scalers { get; init; }

    public required ThreeWireRule ThreeWire { get; init; }

    public required Cadence Cadence { get; init; }

    public required ClockConvention Clock { get; init; }

    public required HdlcAddressing Addressing { get; init; }

    public required uint InvokeIdAndPriority { get; init; }

    public required HeaderTimeForm HeaderTime { get; init; }

    /// <summary>True when currents are sent signed, negative while the phase exports (Aidon: a <c>long</c>, norway-lists.md §3).</summary>
    public bool SignsCurrents { get; init; }

    /// <summary>How the list body is laid out.</summary>
    public required ListLayout Layout { get; init; }

    public override string ToString() => Key;
}
