using System.Text;

namespace Han.Sources.Tests;

public sealed class HexTextStreamTests
{
    [Fact]
    public void Read_HexWithWhitespaceAndLineBreaks_GivesTheBytesItSpells()
    {
        var bytes = ReadAll("7E a0 1E\r\n\t41 0883\n");

        Assert.Equal([0x7E, 0xA0, 0x1E, 0x41, 0x08, 0x83], bytes);
    }

    [Fact]
    public void Read_StrayCharacter_DeliversTheBytesBeforeItThenNamesItsLineAndColumn()
    {
        using var stream = new HexTextStream(new MemoryStream(Encoding.ASCII.GetBytes("7E A0\n1E x1")));
        var buffer = new byte[16];

        var first = stream.Read(buffer);
        var problem = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));

        Assert.Equal([0x7E, 0xA0, 0x1E], buffer[..first]);
        Assert.Contains("line 2, column 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OddNumberOfDigits_FailsAtTheEndAfterTheWholeBytes()
    {
        using var stream = new HexTextStream(new MemoryStream(Encoding.ASCII.GetBytes("7EA")));
        var buffer = new byte[16];

        Assert.Equal(1, stream.Read(buffer));
        var problem = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));

        Assert.Contains("odd number of digits", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextLongerThanOneChunkInSmallReads_GivesEveryByteInOrder()
    {
        var expected = new byte[50_000];
        new Random(3).NextBytes(expected);
        var text = string.Join('\n', expected.Chunk(32).Select(line => Convert.ToHexString(line)));
        using var stream = new HexTextStream(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        var output = new MemoryStream();
        var buffer = new byte[7];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        Assert.Equal(expected, output.ToArray());
    }

    private static byte[] ReadAll(string text)
    {
        using var stream = new HexTextStream(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
