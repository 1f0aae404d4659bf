using System.Text;
using Han.Sources.Serial;
using Han.Sources.Tests.Serial.Uart;
using Han.TestCorpus;

namespace Han.Sources.Tests.Serial;

/// <summary>
/// The bit-level UART line model the detector is tested with: right where it must be exact, and
/// checked against what a real wrongly set receiver read (the amsreader capture gh355-2).
/// </summary>
public sealed class UartLineModelTests
{
    public static TheoryData<string, FramingRecovery> EverySetting()
    {
        var data = new TheoryData<string, FramingRecovery>();
        foreach (var settings in LineSettingsCandidates.All.Select(c => c.ToString()).Append("2400 8E2").Append("9600 7N2"))
        {
            data.Add(settings, FramingRecovery.NextFallingEdge);
            data.Add(settings, FramingRecovery.StopBitAsStartBit);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Read_AtTheSettingItWasSentWith_GivesEveryByteBackUnflagged(string setting, FramingRecovery recovery)
    {
        var settings = LineSettings.Parse(setting);
        var sent = AllByteValues(settings.DataBits);

        var read = SendAndRead(sent, settings, settings, recovery);

        Assert.Equal(sent, PortDelivery.Bytes(read));
        Assert.DoesNotContain(read, c => c.Flagged);
    }

    [Theory]
    [InlineData(0.01, -0.01)]
    [InlineData(-0.01, 0.01)]
    public void Read_ClocksOnePercentOffEachWay_StillGivesEveryByteBack(double meterClock, double portClock)
    {
        var settings = LineSettings.Parse("2400 8E1");
        var sent = RealFrames.AidonList3;
        var signal = new UartSignal();
        var end = new UartTransmitter(signal, settings, meterClock).Send(0.01, sent);

        var read = new UartReceiver(settings, FramingRecovery.NextFallingEdge, portClock).Read(signal, 0, end + 0.01);

        Assert.Equal(sent, PortDelivery.Bytes(read));
    }

    [Fact]
    public void Read_OpenedInTheMiddleOfAFrame_ReadsTheNextFrameIntact()
    {
        var settings = LineSettings.Parse("2400 8N1");
        var frame = RealFrames.KamstrupList2;
        var signal = new UartSignal();
        var transmitter = new UartTransmitter(signal, settings);
        transmitter.Send(0, frame);
        var second = transmitter.Send(1.5, frame);

        var read = PortDelivery.Bytes(new UartReceiver(settings, FramingRecovery.NextFallingEdge).Read(signal, 0.3, second + 0.01));

        Assert.Equal(frame, read[^frame.Length..]);
    }

    /// <summary>
    /// The only real capture of a wrongly set receiver in the corpus: an ESP32 at 2400 8E1 reading a
    /// Kamstrup that sends 8N1, back to back. The model reads a Kamstrup list the same way only when the
    /// receiver waits for the next falling edge after a framing error; the frame header, which every
    /// Kamstrup list shares, comes out byte for byte as captured, and so does most of the rest.
    /// </summary>
    [Fact]
    public void Read_Kamstrup8N1At8E1_IsWhatTheAmsreaderUserCaptured()
    {
        var captured = Vectors.ById("amsreader-kamstrup-se-gh355-2-wrong-parity").Input;
        var sent = RealFrames.KamstrupList2;
        var settings = LineSettings.Parse("2400 8E1");

        var read = PortDelivery.Bytes(SendAndRead(sent, LineSettings.Parse("2400 8N1"), settings, FramingRecovery.NextFallingEdge));
        var alsoRead = PortDelivery.Bytes(SendAndRead(sent, LineSettings.Parse("2400 8N1"), settings, FramingRecovery.StopBitAsStartBit));

        Assert.Equal(Convert.FromHexString("7E132B48A2D2E61E0F0000"), read[..11]);
        Assert.Equal(captured[..11], read[..11]);
        Assert.Equal(captured.Length, read.Length);
        Assert.True(read.Zip(captured).Count(p => p.First == p.Second) * 3 > captured.Length * 2, "two thirds of the bytes as captured");

        // A 16550-like receiver instead reads the frame intact, every character but the last with a framing error.
        Assert.Equal(sent, alsoRead);
    }

    /// <summary>
    /// The hard case the other way round: the data bits are in place, and the parity bit falls where
    /// the stop bit should be. When it is 1, the character is clean; when it is 0, it is a framing error
    /// delivered as read; a 0x00 (even parity 0) reads all zero, a break, which the serial core drops
    /// under System.IO.Ports' IGNBRK (and some USB drivers hand over as 0).
    /// </summary>
    [Fact]
    public void Read_8E1LineAt8N1_GivesTheDataBitsAndDropsZeroBytesAsBreaks()
    {
        byte[] sent = [0x01, 0x03, 0x00, 0xE6, 0xE7, 0x00, 0x0F];

        var read = SendAndRead(sent, LineSettings.Parse("2400 8E1"), LineSettings.Parse("2400 8N1"), FramingRecovery.NextFallingEdge);

        Assert.Equal([false, true, false, false, true, false, true], read.Select(c => c.FramingError));
        Assert.Equal([false, false, true, false, false, true, false], read.Select(c => c.Break));
        Assert.Equal([0x01, 0x03, 0xE6, 0xE7, 0x0F], PortDelivery.Bytes(read));
        Assert.Equal(sent, PortDelivery.Bytes(read, dropBreaks: false));
    }

    [Fact]
    public void Read_8E1LineAt8N1OnA16550_LosesStepAtTheFirstFramingError()
    {
        var sent = RealFrames.AidonList3;

        var read = PortDelivery.Bytes(SendAndRead(sent, LineSettings.Parse("2400 8E1"), LineSettings.Parse("2400 8N1"), FramingRecovery.StopBitAsStartBit));

        // 0x7E has six ones: its even parity bit is 0, a framing error at 8N1, and the step is lost at once.
        Assert.Equal(sent[0], read[0]);
        Assert.NotEqual(sent[1], read[1]);
    }

    [Fact]
    public void Read_8N1LineAt8E1WithAnIdleBitBetweenBytes_GivesTheBytesWithParityErrorsOnly()
    {
        var sent = RealFrames.KamstrupList2;
        var signal = new UartSignal();
        var end = new UartTransmitter(signal, LineSettings.Parse("2400 8N1"), gapBits: 1).Send(0.01, sent);

        var read = new UartReceiver(LineSettings.Parse("2400 8E1"), FramingRecovery.NextFallingEdge).Read(signal, 0, end + 0.01);

        Assert.Equal(sent, PortDelivery.Bytes(read));
        Assert.DoesNotContain(read, c => c.FramingError);
        Assert.Contains(read, c => c.ParityError);
    }

    /// <summary>
    /// dsmr_parser reads DSMR 4 at 7E1 although the meters send 8N1 (protocol.md §7.3): ASCII has bit 7
    /// clear, so a 7E1 receiver reads the text intact, its parity bit landing on that clear bit 7.
    /// </summary>
    [Theory]
    [InlineData(FramingRecovery.NextFallingEdge)]
    [InlineData(FramingRecovery.StopBitAsStartBit)]
    public void Read_8N1TelegramAt7E1_GivesTheTextWithParityErrors(FramingRecovery recovery)
    {
        var sent = Vectors.ById("dsmr-nl-v42-kaifa").Input;

        var read = SendAndRead(sent, LineSettings.Parse("115200 8N1"), LineSettings.Parse("115200 7E1"), recovery);

        Assert.Equal(sent, PortDelivery.Bytes(read));
        Assert.Contains(read, c => c.ParityError);
    }

    /// <summary>The other way round, the parity bit becomes bit 7: '/' (0x2F, five ones) arrives as 0xAF, and no telegram starts.</summary>
    [Fact]
    public void Read_7E1TelegramAt8N1_SetsBit7WhereTheParityBitIsOne()
    {
        var sent = Vectors.ById("dsmr-nl-v22").Input;

        var read = PortDelivery.Bytes(SendAndRead(sent, LineSettings.Parse("9600 7E1"), LineSettings.Parse("9600 8N1"), FramingRecovery.NextFallingEdge));

        Assert.Equal(sent.Select(b => (byte)(b | (EvenParityBit(b) << 7))), read);
        Assert.Equal(0xAF, read[0]);
        Assert.DoesNotContain((byte)'/', read);
    }

    [Fact]
    public void Read_AtFourTimesTheSpeed_GivesNothingLikeTheFrame()
    {
        var sent = RealFrames.AidonList3;

        var read = PortDelivery.Bytes(SendAndRead(sent, LineSettings.Parse("2400 8E1"), LineSettings.Parse("9600 8E1"), FramingRecovery.NextFallingEdge));

        Assert.DoesNotContain(Encoding.Latin1.GetString(sent[..8]), Encoding.Latin1.GetString(read), StringComparison.Ordinal);
    }

    private static List<ReceivedCharacter> SendAndRead(byte[] sent, LineSettings meter, LineSettings port, FramingRecovery recovery)
    {
        var signal = new UartSignal();
        var end = new UartTransmitter(signal, meter).Send(0.01, sent);
        return [.. new UartReceiver(port, recovery).Read(signal, 0, end + 0.01)];
    }

    private static byte[] AllByteValues(int dataBits) => [.. Enumerable.Range(0, 1 << dataBits).Select(v => (byte)v)];

    private static int EvenParityBit(byte value) => System.Numerics.BitOperations.PopCount(value) % 2;
}
