namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// One character a UART read: its data bits, when its stop bit was sampled, and what the UART flagged.
/// A break is a character whose every bit, stop bit included, read 0.
/// </summary>
internal readonly record struct ReceivedCharacter(byte Value, double Time, bool ParityError, bool FramingError, bool Break)
{
    public bool Flagged => ParityError || FramingError || Break;
}
