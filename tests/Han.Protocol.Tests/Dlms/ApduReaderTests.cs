using Han.Protocol.Dlms;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Dlms;

public sealed class ApduReaderTests
{
    [Fact]
    public void ReadNotification_DataNotification_ParsesIt()
    {
        var notification = ApduReader.ReadNotification(Bytes.Hex("0F 40 00 00 00 00 11 2A"));

        Assert.Equal(6, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("11 2A"), notification.Body.ToArray());
    }

    [Theory]
    [InlineData(0xDB)]
    [InlineData(0xDC)]
    [InlineData(0xDD)]
    public void ReadNotification_CipheredApdu_ThrowsEncryptedSayingAKeyIsNeeded(byte tag)
    {
        byte[] apdu = [tag, 0x08, 0x4B, 0x46, 0x4D, 0x10, 0x20, 0x02, 0x98, 0x02];

        var error = Assert.Throws<DecodeException>(() => ApduReader.ReadNotification(apdu));

        Assert.Equal(DecodeError.Encrypted, error.Error);
        Assert.Equal(DecodeLayer.Dlms, error.Layer);
        Assert.Equal(0, error.Offset);
        Assert.Contains("key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("amsreader-kamstrup-dk-gh111-1-encrypted")]
    [InlineData("amsreader-lg-at-gh501-2-encrypted")]
    [InlineData("amsreader-iskra-at-gh787-1-encrypted")]
    public void ReadNotification_RealEncryptedPush_ThrowsEncrypted(string id)
    {
        // The APDU follows the LLC header E6 E7 00 in these HDLC captures.
        var input = Vectors.ById(id).Input;
        var llc = input.AsSpan().IndexOf(HdlcFrameBuilder.LlcResponse);
        Assert.True(llc > 0);
        var apdu = input[(llc + 3)..];

        var error = Assert.Throws<DecodeException>(() => ApduReader.ReadNotification(apdu));

        Assert.Equal(DecodeError.Encrypted, error.Error);
    }

    [Theory]
    [InlineData(0xE0)] // general-block-transfer
    [InlineData(0xDF)] // general-signing
    [InlineData(0xC4)] // get-response
    [InlineData(0x7E)]
    public void ReadNotification_OtherApdu_ThrowsUnsupportedApdu(byte tag)
    {
        byte[] apdu = [tag, 0x40, 0x00, 0x01, 0x00, 0x00];

        var error = Assert.Throws<DecodeException>(() => ApduReader.ReadNotification(apdu));

        Assert.Equal(DecodeError.UnsupportedApdu, error.Error);
        Assert.Equal(DecodeLayer.Dlms, error.Layer);
    }

    [Fact]
    public void ReadNotification_Empty_ThrowsUnexpectedEnd()
    {
        var error = Assert.Throws<DecodeException>(() => ApduReader.ReadNotification([]));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
    }

    [Theory]
    [InlineData(0x0F, "data-notification")]
    [InlineData(0xDB, "general-glo-ciphering")]
    [InlineData(0xDC, "general-ded-ciphering")]
    [InlineData(0xDD, "general-ciphering")]
    [InlineData(0xDF, "general-signing")]
    [InlineData(0xE0, "general-block-transfer")]
    [InlineData(0xC4, "tag 0xC4")]
    public void Describe_Tag_IsTheStandardName(byte tag, string name)
    {
        Assert.Equal(name, ApduReader.Describe(tag));
    }
}
