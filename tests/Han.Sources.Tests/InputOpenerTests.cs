using System.Text;
using Han.TestCorpus;

namespace Han.Sources.Tests;

public sealed class InputOpenerTests
{
    [Fact]
    public async Task OpenAsync_BinaryCapture_GivesItsBytesUnchanged()
    {
        var capture = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

        var bytes = await ReadAllAsync(capture);

        Assert.Equal(capture, bytes);
    }

    [Fact]
    public async Task OpenAsync_HexTextLongerThanTheSample_GivesTheBytesItSpells()
    {
        var expected = new byte[InputOpener.SampleLength * 3];
        new Random(5).NextBytes(expected);
        var text = Encoding.ASCII.GetBytes(string.Join("\r\n", expected.Chunk(16).Select(line => Convert.ToHexString(line))));

        var bytes = await ReadAllAsync(text);

        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("7E A0 1E 41", true)]
    [InlineData("7EA01E41 0883 7EA01E41 x", true)] // one stray character in 24: still hex, reported where it stands
    [InlineData("7E A0 hello world", false)]
    [InlineData("  \n", false)] // no digits at all
    public void LooksLikeHex_SampleText_DecidesByTheShareOfHexDigitsAndWhitespace(string sample, bool expected)
    {
        Assert.Equal(expected, InputOpener.LooksLikeHex(Encoding.ASCII.GetBytes(sample)));
    }

    [Fact]
    public void LooksLikeHex_RandomBinary_IsNotHex()
    {
        var random = new byte[InputOpener.SampleLength];
        new Random(11).NextBytes(random);

        Assert.False(InputOpener.LooksLikeHex(random));
    }

    private static async Task<byte[]> ReadAllAsync(byte[] raw)
    {
        await using var stream = await InputOpener.OpenAsync(new MemoryStream(raw));
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);
        return output.ToArray();
    }
}
