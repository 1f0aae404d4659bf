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
    [InlineData("7E A0 1E2 2B", 7, "3 hex digits in a row (to column 9)")]
    [InlineData("7E-A0-E-2B", 7, "a lone hex digit")]
    public void Read_RunWithAnOddNumberOfDigits_IsReportedWhereItStandsNotAtTheEnd(string line, int column, string detail)
    {
        // The odd run sits in the middle of a longer text: the error must name it, not the end.
        var text = Convert.ToHexString(Kamstrup.AsSpan(0, 16)) + "\n" + line + "\n" + string.Join(' ', Kamstrup.Skip(16).Select(b => $"{b:X2}"));

        var (bytes, error) = HexTestText.Read(text, new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line 2, column {column}: {detail}", error.Message, StringComparison.Ordinal);
        Assert.Equal([.. Kamstrup[..16], 0x7E, 0xA0], bytes[..18]);
        Assert.True(bytes.Length <= 19, "nothing after the odd run is read");
    }

    [Fact]
    public void Read_XxdPlainWithADigitAddedOnLineThree_NamesLineThree()
    {
        var lines = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "xxd", "-p")).Split('\n');
        lines[2] = lines[2][..10] + "7" + lines[2][10..];

        var (bytes, error) = HexTestText.Read(string.Join('\n', lines), new PlainHexReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex text, line 3, column 1: 61 hex digits in a row (to column 61)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..65], bytes[..65]);
    }

    [Theory]
    [InlineData("7E A0 G2 2B", 7, "'G'")]
    [InlineData("7E A0\n\n  2B 0x7E", 7, "'x'")]
    [InlineData("7E A0 E2\u200B2B", 9, "the character U+200B")]
    [InlineData("7E A0 E2 \u00F8", 10, "'\u00F8' (U+00F8)")]
    [InlineData("7E A0 \U0001F600 E2", 7, "'\U0001F600' (U+1F600)")]
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
