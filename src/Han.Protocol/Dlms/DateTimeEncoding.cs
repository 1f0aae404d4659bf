namespace Han.Protocol.Dlms;

/// <summary>How a data-notification header carried its date-time (protocol.md §4.2).</summary>
public enum DateTimeEncoding
{
    /// <summary><c>00</c>: no date-time (Aidon).</summary>
    Absent,

    /// <summary><c>0C</c> + 12 bytes (Kamstrup since rev 3.0, Austrian meters).</summary>
    Length,

    /// <summary><c>09 0C</c> + 12 bytes (Norwegian Kaifa, old Kamstrup firmware).</summary>
    OctetString,

    /// <summary><c>19</c> + 12 bytes (the A-XDR date-time tag).</summary>
    DateTimeTag,
}
