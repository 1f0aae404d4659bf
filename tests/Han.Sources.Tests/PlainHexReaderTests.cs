using System.Text;
using Han.Sources.HexText;
using Han.TestCorpus;

namespace Han.Sources.Tests;

public sealed class PlainHexReaderTests
{
    private static readonly byte[] Kamstrup = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

    [Theory]
    [InlineData("7E-A0-E2-2B")]
    [InlineData("7e:a0:e2:2b")]
    [InlineData("7E,A0,E2,2B")]
    [InlineData("7E; A0; E2; 2B;")]
    [InlineData("7EA0 E22B")]
    public void Read_BytesBetweenSeparators_GivesTheBytes(string text)
    {
        var (bytes, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.Null(error);
        Assert.Equal([0x7E, 0xA0, 0xE2, 0x2B], bytes);
    }

    [Theory]
    [InlineData("7E A0 1 E2 2B", 7, "a lone hex digit")]
    [InlineData("7E A0 1E2 2B", 7, "a digit is missing or extra somewhere in line 2, columns 7-9: 3 hex digits in a row, an odd number, do not pair up into bytes; none of them was decoded")]
    [InlineData("7E-A0-E-2B", 7, "a lone hex digit")]
    public void Read_RunWithAnOddNumberOfDigits_IsReportedWhereItStandsAndGivesNoneOfItsBytes(string line, int column, string detail)
    {
        // The odd run sits in the middle of a longer text: the error must name it, not the end.
        var text = Convert.ToHexString(Kamstrup.AsSpan(0, 16)) + "\n" + line + "\n" + string.Join(' ', Kamstrup.Skip(16).Select(b => $"{b:X2}"));

        var (bytes, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line 2, column {column}: {detail}", error.Message, StringComparison.Ordinal);
        Assert.Equal([.. Kamstrup[..16], 0x7E, 0xA0], bytes);
    }

    [Fact]
    public void Read_XxdPlainWithADigitAddedOnLineThree_NamesTheLineAndGivesNoneOfItsShiftedBytes()
    {
        var lines = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "xxd", "-p")).Split('\n');
        lines[2] = lines[2][..10] + "7" + lines[2][10..];

        var (bytes, error) = HexTestText.Read(string.Join('\n', lines), new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex text, line 3, column 1: a digit is missing or extra somewhere in line 3, columns 1-61: 61 hex digits in a row", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..60], bytes);
    }

    [Fact]
    public void Read_RunLongerThanWhatIsHeldBack_GoesOutAsItComesAndItsErrorSaysHowMuchWent()
    {
        // A whole capture in one run, too long to hold back, with one digit lost at its very end.
        var capture = new byte[HexRun.MaxHeld + 100];
        new Random(8).NextBytes(capture);
        var text = Convert.ToHexString(capture)[..^1];

        var (bytes, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line 1, column 1: a digit is missing or extra somewhere in line 1, columns 1-{text.Length}: {text.Length} hex digits in a row, an odd number, do not pair up into bytes; the first {HexRun.MaxHeld} bytes they make were decoded before the run ended", error.Message, StringComparison.Ordinal);
        Assert.Equal(capture[..HexRun.MaxHeld], bytes);
    }

    [Theory]
    [InlineData("7E A0 G2 2B", 7, "'G'")]
    [InlineData("7E A0\n\n  2B 0x7E", 7, "'x'")]
    [InlineData("7E A0 E2\u200B2B", 9, "the character U+200B")]
    [InlineData("7E A0 E2 \u00F8", 10, "'\u00F8' (U+00F8)")]
    [InlineData("7E A0 \U0001F600 E2", 7, "'\U0001F600' (U+1F600)")]
    [InlineData("7E A0 E2\rE2\r\rG2", 1, "'G'")]
    public void Read_CharacterThatIsNotHexOrASeparator_IsNamedWithItsPosition(string text, int column, string shown)
    {
        var (_, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.NotNull(error);
        Assert.Contains($", column {column}: {shown} is not a hex digit or a separator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r", 4)] // old Mac
    [InlineData("\r\n", 4)] // Windows
    [InlineData("\n", 4)]
    [InlineData("\n\r", 6)] // LF, CR LF, CR: the CR LF between is one line end
    public void Read_LineEndsOfEveryKind_CountEachLine(string lineEnd, int line)
    {
        var (_, error) = HexTestText.Read(string.Join(lineEnd, "7E A0", "E2 2B", "", "G1"), new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line {line}, column 1: 'G'", error.Message, StringComparison.Ordinal);
    }
}
