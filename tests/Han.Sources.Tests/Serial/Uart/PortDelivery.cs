namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// What a program reading the port gets from the characters the UART read. System.IO.Ports on Linux
/// sets the input flags to IGNBRK alone, with INPCK off (dotnet/runtime,
/// System.IO.Ports.Native/pal_termios.c, SystemIoPortsNative_TermiosReset), so the tty layer hands
/// over a character with a parity or framing error as read, with nothing to say so, and drops a break
/// (n_tty with INPCK off; serial_core ignores BI under IGNBRK). With IGNBRK off and BRKINT and PARMRK
/// off, as in pyserial, a break arrives as one 0 byte instead. The flags themselves are still counted
/// per port (the TIOCGICOUNT ioctl), which a probe may report.
/// </summary>
internal static class PortDelivery
{
    public static byte[] Bytes(IEnumerable<ReceivedCharacter> characters, bool dropBreaks = true) =>
        [.. characters.Where(c => !(c.Break && dropBreaks)).Select(c => c.Value)];
}
