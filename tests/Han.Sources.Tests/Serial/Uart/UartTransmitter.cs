using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// A meter's UART: puts bytes on a <see cref="UartSignal"/> as a real transmitter does. Each character is
/// a start bit (0), the data bits least significant first, the parity bit if any (even: the data bits
/// and it hold an even number of ones), and the stop bits (1); the line idles high in between. Bytes
/// of one frame follow each other with no gap unless <see cref="GapBits"/> says so: the amsreader
/// capture gh355-2 is only reproduced that way (see UartLineModelTests).
/// </summary>
internal sealed class UartTransmitter(UartSignal signal, LineSettings settings, double clockError = 0, int gapBits = 0)
{
    /// <summary>Idle bit times after each character: 0 for a transmitter that sends back to back.</summary>
    public int GapBits => gapBits;

    /// <summary>One bit on the line; <paramref name="clockError"/> makes the meter's clock fast (positive) or slow.</summary>
    public double BitTime { get; } = 1.0 / (settings.Baud * (1 + clockError));

    /// <summary>Sends <paramref name="bytes"/> starting at <paramref name="start"/>; returns when the last stop bit ends.</summary>
    public double Send(double start, ReadOnlySpan<byte> bytes)
    {
        var time = start;
        foreach (var value in bytes)
        {
            time = SendCharacter(time, value);
        }

        signal.Set(time, high: true);
        return time;
    }

    private double SendCharacter(double time, byte value)
    {
        time = Bit(time, false);
        var ones = 0;
        for (var i = 0; i < settings.DataBits; i++)
        {
            var one = ((value >> i) & 1) == 1;
            ones += one ? 1 : 0;
            time = Bit(time, one);
        }

        if (settings.Parity != LineParity.None)
        {
            var odd = ones % 2 == 1;
            time = Bit(time, settings.Parity == LineParity.Even ? odd : !odd);
        }

        for (var i = 0; i < settings.StopBits + gapBits; i++)
        {
            time = Bit(time, true);
        }

        return time;
    }

    private double Bit(double time, bool one)
    {
        signal.Set(time, one);
        return time + BitTime;
    }
}
