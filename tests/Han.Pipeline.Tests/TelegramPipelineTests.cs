using System.Text;
using Han.Protocol;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>P1 telegrams through the pipeline: what is reported about their lines and checksums.</summary>
public sealed class TelegramPipelineTests
{
    [Fact]
    public void Decode_TelegramWithMalformedLines_ReadsTheRestAndReportsThemAtTheFirst()
    {
        var telegram = P1TelegramBuilder.Build("KAM5", ["1-0:1.7.0(0000.714*kW)", "garbage line", "1-0:2.7.0(0000.000*kW)", "1-0:32.7.0(230.1*V"]);
        byte[] input = [.. "noise"u8, .. telegram];
        var observer = RecordingObserver.Decode(input, country: "DK");

        var reading = Assert.Single(observer.Readings);
        Assert.Equal(714m, reading[ReadingField.ActivePowerImport]);
        var problem = Assert.Single(observer.Problems, p => p.Error == DecodeError.InvalidLine);
        Assert.Equal(DecodeLayer.P1, problem.Layer);
        Assert.StartsWith("2 line(s)", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(Encoding.ASCII.GetString(input).IndexOf("garbage", StringComparison.Ordinal), problem.Offset);
    }

    [Fact]
    public void Decode_SmartyFrameWithoutTheAuthenticationKey_ChecksTheTelegramsOwnCrc()
    {
        // The Smarty telegram's CRC does not validate (corpus note): with its tag checked that does not
        // matter, but without the authentication key the CRC is all there is, and it fails.
        var vector = Vectors.ById("openhab-lu-smarty-encrypted");
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, new DecoderOptions(Country.Parse("LU"), EncryptionKey.FromHex(vector.KeyHex)));

        decoder.Decode(vector.Input);

        Assert.Empty(observer.Readings);
        var problem = Assert.Single(observer.Problems);
        Assert.Equal((DecodeError.BadCrc, DecodeLayer.P1), (problem.Error, problem.Layer));
        Assert.StartsWith("the decrypted telegram fails its CRC", problem.Detail, StringComparison.Ordinal);
    }
}
