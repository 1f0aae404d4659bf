using System.Text;
using Han.Sources.Serial;
using Han.TestCorpus;

namespace Han.Sources.Tests.Serial;

/// <summary>The decision rule on exact inputs: what proves a setting, what does not, and what is kept only as a fallback.</summary>
public sealed class LineEvidenceTests
{
    private static readonly LineSettingsCandidate[] Two = [Candidate("2400 8E1"), Candidate("2400 8N1")];

    [Fact]
    public async Task DetectAsync_OneWholeFrameBetweenNoiseAndACutFrame_ProvesTheSetting()
    {
        var frame = RealFrames.KamstrupList2;
        var probe = new ScriptedProbe().At("2400 8N1", [.. Noise(500), .. frame, .. frame[..100]]);

        var detection = await new LineSettingsDetector(Two).DetectAsync(probe);

        Assert.Equal(LineSettings.Parse("2400 8N1"), detection.Settings);
        Assert.Equal([CandidateVerdict.Silent, CandidateVerdict.Frames], detection.Candidates.Select(c => c.Verdict));
        Assert.Equal(32, detection.Candidates[1].CheckBits);
    }

    [Fact]
    public async Task DetectAsync_EveryOtherFrameDamaged_IsUnreliableAndNamesIt()
    {
        var good = RealFrames.AidonList3;
        var bad = good.ToArray();
        bad[100] ^= 0x10;
        var probe = new ScriptedProbe().At("2400 8E1", [.. good, .. bad, .. good, .. bad, .. good, .. bad]);

        var detection = await new LineSettingsDetector(Two).DetectAsync(probe);

        Assert.Equal(LineDetectionCertainty.Unreliable, detection.Certainty);
        Assert.Equal(LineSettings.Parse("2400 8E1"), detection.Settings);
        Assert.Equal(CandidateVerdict.Damaged, detection.Candidates[0].Verdict);
        Assert.Equal((3, 3), (detection.Candidates[0].GoodFrames, detection.Candidates[0].BadFrames));
    }

    [Fact]
    public async Task DetectAsync_OneDamagedFrameAmongSix_StillReadsTheMeter()
    {
        var good = RealFrames.AidonList3;
        var bad = good.ToArray();
        bad[100] ^= 0x10;
        var probe = new ScriptedProbe().At("2400 8E1", [.. good, .. good, .. bad, .. good, .. good, .. good, .. good]);

        var detection = await new LineSettingsDetector(Two, new LineDetectorOptions(TimeSpan.FromSeconds(12), FramesToStopEarly: 10)).DetectAsync(probe);

        Assert.Equal(LineDetectionCertainty.Readable, detection.Certainty);
        Assert.Equal((6, 1), (detection.Candidates[0].GoodFrames, detection.Candidates[0].BadFrames));
    }

    /// <summary>
    /// Clean frames while the UART flags errors: a neighbour that delivers the right bytes. The detector
    /// goes on looking for the meter's own setting, and falls back to it when there is none.
    /// </summary>
    [Fact]
    public async Task DetectAsync_CleanFramesButTheUartFlagsErrors_KeepsLookingThenFallsBack()
    {
        var frames = RealFrames.KamstrupList2.Concat(RealFrames.KamstrupList2).ToArray();
        var probe = new ScriptedProbe(countsLineErrors: true).At("2400 8E1", frames, lineErrors: frames.Length / 2);

        var detection = await new LineSettingsDetector(Two).DetectAsync(probe);

        Assert.Equal(2, probe.Tried.Count);
        Assert.Equal(CandidateVerdict.LineErrors, detection.Candidates[0].Verdict);
        Assert.Equal(LineSettings.Parse("2400 8E1"), detection.Settings);
        Assert.Equal(LineDetectionCertainty.Readable, detection.Certainty);
        Assert.Contains("flags parity or framing errors at every setting tried", detection.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_AFewFlaggedCharactersAmongGoodFrames_IsTheMetersSetting()
    {
        var frames = RealFrames.KamstrupList2.Concat(RealFrames.KamstrupList2).ToArray();
        var probe = new ScriptedProbe(countsLineErrors: true).At("2400 8E1", frames, lineErrors: 3);

        var detection = await new LineSettingsDetector(Two).DetectAsync(probe);

        Assert.Equal(LineDetectionCertainty.Confirmed, detection.Certainty);
        Assert.Single(probe.Tried);
    }

    /// <summary>An HDLC frame without information field carries only its 16-bit FCS: one alone proves nothing, two do.</summary>
    [Theory]
    [InlineData(1, CandidateVerdict.TooLittle)]
    [InlineData(2, CandidateVerdict.Frames)]
    public async Task DetectAsync_FramesWithOnlyAnFcs_NeedTwo(int count, CandidateVerdict expected)
    {
        var empty = HdlcFrameBuilder.Push([]);
        var probe = new ScriptedProbe().At("2400 8E1", [.. Enumerable.Repeat(empty, count).SelectMany(f => f)]);

        var detection = await new LineSettingsDetector(Two).DetectAsync(probe);

        Assert.Equal(expected, detection.Candidates[0].Verdict);
    }

    /// <summary>A DSMR 2.2 telegram has no CRC; it proves a setting only when every data line is an OBIS line.</summary>
    [Theory]
    [InlineData("1-0:1.8.1(00001.001*kWh)", CandidateVerdict.Frames)]
    [InlineData("1-0:1.8.1(00001.001*kWh)|garbage that is no OBIS line", CandidateVerdict.TooLittle)]
    public async Task DetectAsync_TelegramWithoutCrc_CountsOnlyWhenWellFormed(string lines, CandidateVerdict expected)
    {
        var telegram = P1TelegramBuilder.Build("ISk5\\2MT382-1004", lines.Split('|'), crc: false);
        var probe = new ScriptedProbe().At("9600 7E1", [.. Encoding.ASCII.GetBytes("0)\r\n!\r\n"), .. telegram]);

        var detection = await new LineSettingsDetector([Candidate("9600 7E1")]).DetectAsync(probe);

        Assert.Equal(expected, detection.Candidates[0].Verdict);
    }

    [Fact]
    public void Constructor_EmptyWindow_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineSettingsDetector(options: new LineDetectorOptions(TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineSettingsDetector(options: new LineDetectorOptions(TimeSpan.FromSeconds(1), 0)));
    }

    private static LineSettingsCandidate Candidate(string settings) => new(LineSettings.Parse(settings), "test");

    private static byte[] Noise(int count)
    {
        var noise = new byte[count];
        new Random(8).NextBytes(noise);
        return noise;
    }
}
