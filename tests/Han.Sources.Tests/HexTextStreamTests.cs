using System.Text;
using Han.Pipeline;
using Han.Sources.HexText;

namespace Han.Sources.Tests;

public sealed class HexTextStreamTests
{
    [Fact]
    public void Read_HexWithWhitespaceAndLineBreaks_GivesTheBytesItSpells()
    {
        var (bytes, error) = HexTestText.Read("7E a0 1E\r\n\t41 0883\u00A0FF\n", new PlainHexReader());

        Assert.Null(error);
        Assert.Equal([0x7E, 0xA0, 0x1E, 0x41, 0x08, 0x83, 0xFF], bytes);
    }

    [Fact]
    public void Read_StrayCharacter_DeliversTheBytesBeforeItThenNamesItsLineAndColumn()
    {
        using var stream = new HexTextStream(new StringReader("7E A0\n1E x1"), new PlainHexReader());
        var buffer = new byte[16];

        var first = stream.Read(buffer);
        var problem = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));
        var again = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));

        Assert.Equal([0x7E, 0xA0, 0x1E], buffer[..first]);
        Assert.StartsWith("hex text, line 2, column 4: 'x' is not a hex digit", problem.Message, StringComparison.Ordinal);
        Assert.Same(problem, again);
    }

    [Fact]
    public void Read_OddRunAtTheEnd_DeliversTheRunsBeforeItThenNamesWhereItStartsAndEnds()
    {
        var (bytes, error) = HexTestText.Read("7E A0\n1E41 7EA", new PlainHexReader());

        Assert.Equal([0x7E, 0xA0, 0x1E, 0x41], bytes);
        Assert.NotNull(error);
        Assert.StartsWith("hex text, line 2, column 6: a digit is missing or extra somewhere in line 2, columns 6-8: 3 hex digits in a row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TypoAfterBytesStillHeldBack_DeliversThemThenTheError()
    {
        // 7E A0 are held until their run ends; the typo ends it, and they still go out before the error.
        using var stream = new HexTextStream(new StringReader("7EA0G1"), new PlainHexReader());
        var buffer = new byte[1];

        Assert.Equal(1, stream.Read(buffer));
        Assert.Equal(0x7E, buffer[0]);
        Assert.Equal(1, stream.Read(buffer));
        Assert.Equal(0xA0, buffer[0]);
        var problem = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));
        Assert.StartsWith("hex text, line 1, column 5: 'G'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextLongerThanOneChunkInSmallReads_GivesEveryByteInOrder()
    {
        var expected = new byte[50_000];
        new Random(3).NextBytes(expected);
        var text = string.Join('\n', expected.Chunk(32).Select(line => Convert.ToHexString(line)));

        var (bytes, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.Null(error);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public async Task ReadAsync_TextArrivingAFewCharactersAtATime_GivesEveryByte()
    {
        var expected = new byte[3000];
        new Random(4).NextBytes(expected);
        var text = new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToHexString(expected)));
        await using var stream = new HexTextStream(new StreamReader(new Trickle(text)), new PlainHexReader());
        using var output = new MemoryStream();

        await stream.CopyToAsync(output);

        Assert.Equal(expected, output.ToArray());
    }

    /// <summary>A pipe that hands over at most three bytes a read, as standard input may.</summary>
    private sealed class Trickle(Stream inner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(3, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
    }
}
