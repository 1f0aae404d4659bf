using Han.Sources.Serial;
using Han.Sources.Tests.Serial.Uart;
using Han.TestCorpus;

namespace Han.Sources.Tests.Serial;

/// <summary>
/// A real meter's line: its setting, real pushes from the corpus of the kind meters send at that
/// setting, and its cadence. <see cref="ReadWithoutErrorCounts"/> is what detection must settle on
/// through a port that cannot report parity and framing errors, for each way a UART recovers from a
/// framing error: the meter's own setting, except where a neighbour delivers the same bytes and comes
/// first (why, in each case, is in <see cref="All"/>).
/// </summary>
internal sealed record RealLine(string Name, LineSettings Settings, IReadOnlyList<byte[]> Pushes, double Cadence, string OnNextFallingEdge, string OnStopBitAsStartBit)
{
    public static IReadOnlyDictionary<string, RealLine> All { get; } = new[]
    {
        new RealLine("Aidon", LineSettings.Parse("2400 8E1"), RealFrames.NorwegianGoodFramesOf("Aidon"), 2.5, "2400 8E1", "2400 8E1"),
        new RealLine("TINETZ M-Bus", LineSettings.Parse("2400 8E1"), [Vectors.ById("austria-tinetz-example-kaifa").Input], 5, "2400 8E1", "2400 8E1"),

        // On a 16550-like UART, 2400 8E1 (tried first) reads a back-to-back 8N1 line intact: the stop bit
        // lands on the parity position, the next start bit on the stop position, and the UART takes it
        // for the start bit it is.
        new RealLine("Kamstrup", LineSettings.Parse("2400 8N1"), RealFrames.NorwegianGoodFramesOf("Kamstrup"), 10, "2400 8N1", "2400 8E1"),

        // No meter known; with parity checking off, odd and even parity are the same bits to a
        // receiver, so 2400 8E1 (tried first) reads it whatever the UART.
        new RealLine("odd parity", LineSettings.Parse("2400 8O1"), RealFrames.NorwegianGoodFramesOf("Aidon"), 2.5, "2400 8E1", "2400 8E1"),
        new RealLine("DSMR 5", LineSettings.Parse("115200 8N1"), [Vectors.ById("dsmr-nl-v50-two-mbus").Input], 1, "115200 8N1", "115200 8N1"),
        new RealLine("Aidon Sweden", LineSettings.Parse("115200 8N1"), [Vectors.ById("amsreader-aidon-se-gh156-1").Input], 10, "115200 8N1", "115200 8N1"),
        new RealLine("DSMR 4 at 7E1", LineSettings.Parse("115200 7E1"), [Vectors.ById("dsmr-nl-v42-kaifa").Input], 10, "115200 7E1", "115200 7E1"),

        // ASCII holds no 0x00: read at 8N1 by a UART that waits for the next falling edge, the parity
        // bit in the stop position costs nothing but framing errors nobody reports.
        new RealLine("NES", LineSettings.Parse("115200 8E1"), [Vectors.ById("amsreader-nes-dk-gh712-1-p1").Input], 1, "115200 8N1", "115200 8E1"),
        new RealLine("M-Bus at 9600", LineSettings.Parse("9600 8N1"), [Vectors.ById("austria-evn-doc-kaifa-ma309").Input, Vectors.ById("amsreader-kaifa-pl-gh905-1-mbus-encrypted").Input], 5, "9600 8N1", "9600 8N1"),
        new RealLine("DSMR 2.2", LineSettings.Parse("9600 7E1"), [Vectors.ById("dsmr-nl-v22").Input], 10, "9600 7E1", "9600 7E1"),
        new RealLine("M-Bus at 1200", LineSettings.Parse("1200 8E1"), [Vectors.ById("austria-tinetz-example-kaifa").Input], 5, "1200 8E1", "1200 8E1"),
    }.ToDictionary(line => line.Name);

    /// <summary>Long enough for every candidate to listen a whole window after the one before.</summary>
    public const double Duration = 130;

    public MeterLine Line() => new(Settings, Pushes, Cadence, Duration);

    public LineSettings ReadWithoutErrorCounts(FramingRecovery recovery) =>
        LineSettings.Parse(recovery == FramingRecovery.NextFallingEdge ? OnNextFallingEdge : OnStopBitAsStartBit);

    public override string ToString() => $"{Name} ({Settings})";
}
