using Han.Pipeline;
using Han.Sources.Serial;
using Han.Sources.Tests.Serial.Uart;

namespace Han.Sources.Tests.Serial;

/// <summary>
/// Auto-detection on the UART line model: for each real setting, a meter sends real frames at it, and
/// the detector listens at every candidate through a receiver set that way.
/// </summary>
public sealed class LineSettingsDetectorTests
{
    public static TheoryData<string, FramingRecovery> EveryRealLine()
    {
        var data = new TheoryData<string, FramingRecovery>();
        foreach (var name in RealLine.All.Keys)
        {
            data.Add(name, FramingRecovery.NextFallingEdge);
            data.Add(name, FramingRecovery.StopBitAsStartBit);
        }

        return data;
    }

    /// <summary>Every way a port may treat what it reads: both framing-error recoveries, breaks dropped or delivered as 0.</summary>
    public static TheoryData<string, FramingRecovery, bool> EveryRealLineOnEveryPort()
    {
        var data = new TheoryData<string, FramingRecovery, bool>();
        foreach (var name in RealLine.All.Keys)
        {
            foreach (var recovery in Enum.GetValues<FramingRecovery>())
            {
                data.Add(name, recovery, true);
                data.Add(name, recovery, false);
            }
        }

        return data;
    }

    /// <summary>
    /// With the port's error counts, a neighbour that delivers the same bytes still gives itself away:
    /// the UART flags most of its characters (an 8E1 line read at 8O1: every one), the meter's own
    /// setting none. So the detector finds exactly the meter's setting, whatever the UART.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryRealLine))]
    public async Task DetectAsync_PortCountsLineErrors_FindsExactlyTheMetersSetting(string meter, FramingRecovery recovery)
    {
        var line = RealLine.All[meter];
        var probe = new UartLineProbe(line.Line(), recovery, countsLineErrors: true);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        Assert.Equal(line.Settings, detection.Settings);
        Assert.Equal(LineDetectionCertainty.Confirmed, detection.Certainty);
        Assert.Equal(line.Settings, probe.Tried[^1]);
        Assert.EndsWith("with good checksums, and the port flagged no parity or framing errors.", detection.Describe(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Through System.IO.Ports on Linux nothing reports errors, and a neighbour can deliver the very
    /// same bytes (see <see cref="RealLine.All"/>): no rule can then tell them apart from the bytes. The
    /// detector takes the first candidate that reads clean frames, and the candidate order makes that
    /// safe: the setting it settles on reads every byte the meter sends, whatever the frames hold, so han
    /// reads the meter correctly. It says so (Readable, not Confirmed). Where no neighbour comes first,
    /// it is exactly the meter's setting.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryRealLineOnEveryPort))]
    public async Task DetectAsync_PortWithoutErrorCounts_SettlesOnASettingThatReadsEveryByte(string meter, FramingRecovery recovery, bool dropBreaks)
    {
        var real = RealLine.All[meter];
        var line = real.Line();
        var probe = new UartLineProbe(line, recovery, countsLineErrors: false, dropBreaks);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        Assert.Equal(real.ReadWithoutErrorCounts(recovery), detection.Settings);
        Assert.Equal(LineDetectionCertainty.Readable, detection.Certainty);
        var everything = new UartReceiver(detection.Settings!, recovery).Read(line.Signal, 0, line.Duration);
        Assert.Equal(line.Sent.SelectMany(push => push), PortDelivery.Bytes(everything, dropBreaks));
    }

    /// <summary>
    /// The hard case: an 8E1 line read at 8N1 gives the right data bits, the parity bit landing where
    /// the stop bit should be. What can tell them apart is 0x00, which every DLMS frame carries (the LLC
    /// header E6 E7 00): its even parity bit is 0 too, so at 8N1 it reads as a break, which Linux's
    /// serial core drops under the IGNBRK that System.IO.Ports sets; the frame loses a byte and fails its
    /// checksum. A USB adapter whose driver hands a break over as a 0 byte would read the frames intact
    /// at 8N1 (the next test): that is why 8E1 is tried first.
    /// </summary>
    [Fact]
    public async Task DetectAsync_AidonTried8N1First_Rejects8N1BecauseZeroBytesAreBreaks()
    {
        var probe = new UartLineProbe(RealLine.All["Aidon"].Line(), FramingRecovery.NextFallingEdge, countsLineErrors: false);
        var candidates = new[] { "2400 8N1", "2400 8E1" }.Select(s => new LineSettingsCandidate(LineSettings.Parse(s), "test")).ToArray();

        var detection = await new LineSettingsDetector(candidates).DetectAsync(probe);

        Assert.Equal(LineSettings.Parse("2400 8E1"), detection.Settings);
        Assert.Equal(0, detection.Candidates[0].GoodFrames);
        Assert.NotEqual(0, detection.Candidates[0].Bytes);
    }

    [Fact]
    public async Task DetectAsync_AidonTried8N1FirstOnAPortThatDeliversBreaks_Takes8N1WhichReadsEveryByte()
    {
        var line = RealLine.All["Aidon"].Line();
        var probe = new UartLineProbe(line, FramingRecovery.NextFallingEdge, countsLineErrors: false, dropBreaks: false);
        var candidates = new[] { "2400 8N1", "2400 8E1" }.Select(s => new LineSettingsCandidate(LineSettings.Parse(s), "test")).ToArray();

        var detection = await new LineSettingsDetector(candidates).DetectAsync(probe);

        Assert.Equal(LineSettings.Parse("2400 8N1"), detection.Settings);
        Assert.Equal(LineDetectionCertainty.Readable, detection.Certainty);
    }

    [Fact]
    public async Task DetectAsync_AidonEveryTwoAndAHalfSeconds_StopsListeningAfterTwoGoodFrames()
    {
        var probe = new UartLineProbe(RealLine.All["Aidon"].Line(), FramingRecovery.NextFallingEdge, countsLineErrors: false);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        var first = Assert.Single(detection.Candidates);
        Assert.True(first.StoppedEarly);
        Assert.Equal(2, first.GoodFrames);
        Assert.InRange(probe.Listened[0], 2.5, 7.6);
        Assert.Equal(InputKind.HdlcStream, detection.Kind);
    }

    [Fact]
    public async Task DetectAsync_KamstrupEveryTenSeconds_ListensTheWholeWindowAndTakesOneFrame()
    {
        var probe = new UartLineProbe(RealLine.All["Kamstrup"].Line(), FramingRecovery.NextFallingEdge, countsLineErrors: false);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        Assert.Equal([CandidateVerdict.Noise, CandidateVerdict.Frames], detection.Candidates.Select(c => c.Verdict));
        Assert.Equal([12.0, 12.0], probe.Listened);
        Assert.Equal(1, detection.Candidates[1].GoodFrames);
        Assert.Matches(@"^2400 8E1: [\d,]+ bytes, no frame with a good checksum$", detection.Candidates[0].ToString());
        Assert.Matches(@"^2400 8N1: [\d,]+ bytes, 1 good frame\(s\)$", detection.Candidates[1].ToString());
        Assert.Contains("2400 8N1: HDLC frames with good checksums", detection.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kamstrup", 0.01)]
    [InlineData("DSMR 5", -0.01)]
    public async Task DetectAsync_MeterClockOnePercentOff_StillFindsItsSetting(string meter, double clockError)
    {
        var real = RealLine.All[meter];
        var line = new MeterLine(real.Settings, real.Pushes, real.Cadence, RealLine.Duration, clockError: clockError);

        var detection = await new LineSettingsDetector().DetectAsync(new UartLineProbe(line, FramingRecovery.NextFallingEdge, countsLineErrors: true));

        Assert.Equal(real.Settings, detection.Settings);
        Assert.Equal(LineDetectionCertainty.Confirmed, detection.Certainty);
    }

    [Fact]
    public async Task DetectAsync_TheSettingThatWorkedLastTime_IsTriedFirst()
    {
        var probe = new UartLineProbe(RealLine.All["Kamstrup"].Line(), FramingRecovery.NextFallingEdge, countsLineErrors: false);

        var detection = await new LineSettingsDetector().DetectAsync(probe, LineSettings.Parse("2400 8N1"));

        Assert.Equal([LineSettings.Parse("2400 8N1")], probe.Tried);
        Assert.Equal(LineSettings.Parse("2400 8N1"), detection.Settings);
    }

    [Fact]
    public async Task DetectAsync_MeterSilent_FindsNothingAndSaysWhereToLook()
    {
        var probe = new UartLineProbe(new MeterLine(LineSettings.Parse("2400 8E1"), [[]], 10, RealLine.Duration), FramingRecovery.NextFallingEdge, countsLineErrors: false);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        Assert.Null(detection.Settings);
        Assert.Equal(LineDetectionCertainty.NotFound, detection.Certainty);
        Assert.Equal(LineSettingsCandidates.All.Count, detection.Candidates.Count);
        Assert.All(detection.Candidates, c => Assert.Equal(CandidateVerdict.Silent, c.Verdict));
        Assert.Contains("HAN port enabled", detection.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_MeterAtASettingNotTried_FindsNothingButNoise()
    {
        var line = new MeterLine(LineSettings.Parse("4800 8E1"), RealFrames(), 2.5, RealLine.Duration);
        var probe = new UartLineProbe(line, FramingRecovery.NextFallingEdge, countsLineErrors: true);

        var detection = await new LineSettingsDetector().DetectAsync(probe);

        Assert.Equal(LineDetectionCertainty.NotFound, detection.Certainty);
        Assert.DoesNotContain(detection.Candidates, c => c.GoodFrames > 0);
        Assert.Contains("no setting gave a frame or telegram with a good checksum", detection.Describe(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<byte[]> RealFrames() => TestCorpus.RealFrames.NorwegianGoodFramesOf("Aidon");
}
