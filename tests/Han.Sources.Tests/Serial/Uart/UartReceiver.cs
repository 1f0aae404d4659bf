using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// A receiving UART set to <paramref name="settings"/>, sampling a <see cref="UartSignal"/> as real ones
/// do: a falling edge starts a character; the start bit is checked low at its middle (else it was a
/// glitch); each further bit is sampled in its middle at the receiver's own speed; only the first stop
/// bit is checked (as the 16550 and most UARTs do). A 7-bit receiver delivers 7-bit values.
/// What the program then gets from these characters is <see cref="PortDelivery"/>'s business.
/// </summary>
/// <param name="clockError">The receiver's clock error: 0.01 runs 1 % fast.</param>
internal sealed class UartReceiver(LineSettings settings, FramingRecovery recovery, double clockError = 0)
{
    private readonly double _bit = 1.0 / (settings.Baud * (1 + clockError));

    public LineSettings Settings => settings;

    /// <summary>
    /// Everything the UART reads from <paramref name="from"/> (the port is opened then, perhaps in the
    /// middle of a character) until <paramref name="to"/>; a character whose stop bit comes later is not read.
    /// </summary>
    public IReadOnlyList<ReceivedCharacter> Read(UartSignal signal, double from, double to)
    {
        var read = new List<ReceivedCharacter>();
        var time = from;
        while (signal.NextFallingEdgeAfter(time) is { } edge && edge < to)
        {
            time = ReadFrom(signal, edge, to, read);
        }

        return read;
    }

    /// <summary>Reads characters from a start bit at <paramref name="start"/>; returns where to look for the next falling edge.</summary>
    private double ReadFrom(UartSignal signal, double start, double to, List<ReceivedCharacter> read)
    {
        while (true)
        {
            if (signal.IsHighAt(start + (0.5 * _bit)))
            {
                return start + (0.5 * _bit);
            }

            var character = ReadCharacter(signal, start);
            if (character.Time >= to)
            {
                return to;
            }

            read.Add(character);

            if (!character.FramingError || character.Break || recovery == FramingRecovery.NextFallingEdge)
            {
                return character.Time;
            }

            // The low stop bit, sampled in its middle, is taken as the middle of the next start bit.
            start = character.Time - (0.5 * _bit);
        }
    }

    private ReceivedCharacter ReadCharacter(UartSignal signal, double start)
    {
        var position = 1.5;
        var value = 0;
        var ones = 0;
        for (var i = 0; i < settings.DataBits; i++, position++)
        {
            if (signal.IsHighAt(start + (position * _bit)))
            {
                value |= 1 << i;
                ones++;
            }
        }

        var parityError = false;
        var parityHigh = false;
        if (settings.Parity != LineParity.None)
        {
            parityHigh = signal.IsHighAt(start + (position * _bit));
            ones += parityHigh ? 1 : 0;
            parityError = (ones % 2 == 0) != (settings.Parity == LineParity.Even);
            position++;
        }

        var stopTime = start + (position * _bit);
        var framingError = !signal.IsHighAt(stopTime);
        var isBreak = value == 0 && !parityHigh && framingError;
        return new ReceivedCharacter((byte)value, stopTime, parityError && !isBreak, framingError && !isBreak, isBreak);
    }
}
