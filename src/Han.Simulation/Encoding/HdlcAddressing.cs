namespace Han.Simulation.Encoding;

/// <summary>
/// The HDLC header a meter pushes with (protocol.md §2.3): destination (client) and source (meter)
/// address octets as sent, each ending in an octet with its low bit set, and the control byte.
/// </summary>
public sealed record HdlcAddressing(byte[] Destination, byte[] Source, byte Control)
{
    /// <summary>Aidon and Landis+Gyr E350: DA 0x41, SA 08 83, UI with P/F set.</summary>
    public static HdlcAddressing Aidon { get; } = new([0x41], [0x08, 0x83], 0x13);

    /// <summary>Kaifa NO: DA 0x01, SA 02 01, an I-frame 0x10.</summary>
    public static HdlcAddressing Kaifa { get; } = new([0x01], [0x02, 0x01], 0x10);

    /// <summary>Kamstrup NO: DA 0x2B, SA 0x21, UI.</summary>
    public static HdlcAddressing Kamstrup { get; } = new([0x2B], [0x21], 0x13);
}
