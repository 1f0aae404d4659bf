namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// What a program reading the port gets from the characters the UART read. System.IO.Ports on Linux
/// sets the input flags to IGNBRK alone, with INPCK off (dotnet/runtime,
/// System.IO.Ports.Native/pal_termios.c, SystemIoPortsNative_TermiosReset). With INPCK off the tty
/// layer hands over a character with a parity or framing error as read, with nothing to say so. A break
/// (every bit 0, stop bit included) is dropped by the serial core under IGNBRK (8250-type UARTs and the
/// Raspberry Pi's PL011); USB adapters' drivers report breaks their own way and may hand one over as a
/// 0 byte, as pyserial's settings (IGNBRK, BRKINT and PARMRK off) also do: <c>dropBreaks: false</c>.
/// The flags themselves are still counted per port (the TIOCGICOUNT ioctl), which a probe may report.
/// </summary>
internal static class PortDelivery
{
    public static byte[] Bytes(IEnumerable<ReceivedCharacter> characters, bool dropBreaks = true) =>
        [.. characters.Where(c => !(c.Break && dropBreaks)).Select(c => c.Value)];
}
