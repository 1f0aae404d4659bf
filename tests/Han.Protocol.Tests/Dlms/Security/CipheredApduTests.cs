using Han.Protocol.Dlms.Security;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Dlms.Security;

/// <summary>The ciphered APDU header: every way its lengths can fail to fit is its own clear error.</summary>
public sealed class CipheredApduTests
{
    private static readonly byte[] Title = [0x4B, 0x46, 0x4D, 1, 2, 3, 4, 5];

    private static byte[] Sealed() => CipheredApduBuilder.Seal(0x20, Title, 7, [0x0F, 0x40, 0, 0, 0], new byte[16], new byte[16]);

    [Fact]
    public void Parse_SealedApdu_FindsTitleCounterAndContent()
    {
        var apdu = Sealed();

        var ciphered = CipheredApdu.Parse(apdu);

        Assert.Equal(Title, ciphered.SystemTitle.ToArray());
        Assert.Equal(2, ciphered.SystemTitleOffset);
        Assert.Equal(7u, ciphered.InvocationCounter);
        Assert.Equal("KFM", ciphered.ManufacturerId);
        Assert.Equal(apdu.Length - ciphered.ContentOffset, ciphered.Content.Length);
    }

    [Fact]
    public void Parse_LongFormLength_IsRead()
    {
        // 0x81 0x0A instead of 0x0A for the content length: the same APDU.
        var apdu = Sealed();
        byte[] longForm = [.. apdu[..10], 0x81, .. apdu[10..]];

        var ciphered = CipheredApdu.Parse(longForm);

        Assert.Equal(CipheredApdu.Parse(apdu).Content.ToArray(), ciphered.Content.ToArray());
    }

    [Theory]
    [InlineData(3, DecodeError.UnexpectedEnd)] // the title is cut short
    [InlineData(10, DecodeError.UnexpectedEnd)] // the APDU ends where the content length should be
    [InlineData(12, DecodeError.UnexpectedEnd)] // the content is shorter than its length says
    public void Parse_CutShort_SaysWhere(int keep, DecodeError expected)
    {
        var problem = Assert.Throws<DecodeException>(() => CipheredApdu.Parse(Sealed().AsSpan(0, keep)));

        Assert.Equal(expected, problem.Error);
        Assert.Equal(DecodeLayer.Dlms, problem.Layer);
    }

    [Fact]
    public void Parse_BadLengthPrefix_IsALengthOutOfRange()
    {
        var apdu = Sealed();
        apdu[10] = 0x85;

        var problem = Assert.Throws<DecodeException>(() => CipheredApdu.Parse(apdu));

        Assert.Equal(DecodeError.LengthOutOfRange, problem.Error);
        Assert.Equal(10, problem.Offset);
    }

    [Fact]
    public void Parse_ContentLengthBelowTheSecurityHeader_IsRefused()
    {
        var apdu = Sealed()[..15];
        apdu[10] = 4;

        Assert.Equal(DecodeError.UnexpectedEnd, Assert.Throws<DecodeException>(() => CipheredApdu.Parse(apdu)).Error);
    }

    [Fact]
    public void Parse_BytesAfterTheContent_AreTrailingBytes()
    {
        byte[] apdu = [.. Sealed(), 0x00, 0x00];

        var problem = Assert.Throws<DecodeException>(() => CipheredApdu.Parse(apdu));

        Assert.Equal(DecodeError.TrailingBytes, problem.Error);
        Assert.Contains("2 bytes follow", problem.Detail, StringComparison.Ordinal);
    }
}
