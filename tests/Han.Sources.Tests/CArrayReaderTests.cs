using Han.Sources.HexText;

namespace Han.Sources.Tests;

public sealed class CArrayReaderTests
{
    [Theory]
    [InlineData("{ 0x7E, 0xA0, 0xE2, 0x2B }")]
    [InlineData("0x7e 0xa0 0xe2 0x2b")]
    [InlineData("[0x7E, 0xA0, 0xE2, 0x2B]")]
    [InlineData("uint8_t frame[0x10] = { 0x7E, 0xA0, /* 0xFF */ 0xE2, // 0xFF\n 0x2B };")]
    [InlineData("const byte frame[] PROGMEM = {0x7E,0xA0,0xE2,0x2B};\nunsigned int frame_len = 4;")]
    [InlineData("{ { 0x7E, 0xA0 }, { 0xE2, 0x2B } }")]
    [InlineData("0x7EA0, 0xE22B")]
    public void Read_BytesWrittenAsInC_GivesTheBytesAndNothingOfTheDeclaration(string text)
    {
        var (bytes, error) = HexTestText.Read(text, new CArrayReader());

        Assert.Null(error);
        Assert.Equal([0x7E, 0xA0, 0xE2, 0x2B], bytes);
    }

    [Fact]
    public void Read_OneDigitAfter0x_IsAByte()
    {
        var (bytes, error) = HexTestText.Read("{0x7E, 0x0, 0x5, 0xa}", new CArrayReader());

        Assert.Null(error);
        Assert.Equal([0x7E, 0x00, 0x05, 0x0A], bytes);
    }

    [Theory]
    [InlineData("{ 0x7E, A0, 0xE2 }", 1, 9, "'A0' is not a byte written 0x")]
    [InlineData("{ 0x7E,\n  0xA0, 126 }", 2, 9, "'126' is not a byte written 0x")]
    [InlineData("0x7E, 0xA0, G2, 0xE2", 1, 13, "'G2' is not a byte written 0x, and no '{' follows it")]
    [InlineData("0x7E 0xA0 G2 0xE2", 1, 11, "'G2' is not a byte written 0x, and no '{' follows it")]
    [InlineData("{ 0x7E, 0xG2 }", 1, 11, "'G' is not a hex digit, in a byte written 0x")]
    [InlineData("{ 0x7E, 0xA0E }", 1, 9, "a digit is missing or extra somewhere in line 1, columns 9-13: 3 hex digits in a row")]
    [InlineData("{ 0x7E, /* \U0001F600 */ 0xG2 }", 1, 19, "'G' is not a hex digit")]
    [InlineData("{ 0x7E, 0x, 0xA0 }", 1, 9, "0x with no hex digit after it")]
    [InlineData("{ 0x7E, 0xA0 } /* the end", 1, 16, "this comment is never closed")]
    [InlineData("{ 0x7E - 0xA0 }", 1, 8, "'-' has no place in a C byte array")]
    public void Read_SomethingThatIsNotA0xByte_IsNamedWhereItStands(string text, int line, int column, string detail)
    {
        var (_, error) = HexTestText.Read(text, new CArrayReader());

        Assert.NotNull(error);
        Assert.StartsWith($"C array, line {line}, column {column}: {detail}", error.Message, StringComparison.Ordinal);
    }
}
