namespace Han.Simulation.Encoding;

/// <summary>How a meter writes the date-time of its data-notification header (protocol.md §4.2).</summary>
public enum HeaderTimeForm
{
    /// <summary><c>00</c>: an empty octet-string (Aidon, NO and SE).</summary>
    Empty,

    /// <summary><c>0C</c> + 12 bytes: the octet-string without a data tag (Kamstrup since interface rev 3.0).</summary>
    Untagged,

    /// <summary><c>09 0C</c> + 12 bytes: with the octet-string data tag (Norwegian Kaifa).</summary>
    Tagged,
}
