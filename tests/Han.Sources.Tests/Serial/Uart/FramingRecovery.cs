namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// What a UART does after a character whose stop bit it read as 0 (a framing error). Both are real
/// (a comparison of the two: pic.hallikainen.org/piclist/1997/05/30/093737a.txt); which one an adapter
/// does is not documented for the common USB chips, so the detector is tested against both.
/// </summary>
public enum FramingRecovery
{
    /// <summary>
    /// Waits for the line to go high, then for the next falling edge. The amsreader capture gh355-2
    /// (an ESP32 at 2400 8E1 reading a Kamstrup at 8N1) is exactly what this receiver reads.
    /// </summary>
    NextFallingEdge,

    /// <summary>
    /// Takes the low stop bit for the start bit of the next character and reads on from there, as the
    /// PC16550D data sheet describes for its framing error bit ("it assumes that the framing error was
    /// due to the next start bit").
    /// </summary>
    StopBitAsStartBit,
}
