using System.Text;
using Han.Sources.HexText;
using Han.TestCorpus;

namespace Han.Sources.Tests;

public sealed class HexDumpReaderTests
{
    private static readonly byte[] Kamstrup = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

    /// <summary>A real capture, an idle line of 48 zero bytes (three equal dump lines), the capture again.</summary>
    private static readonly byte[] WithIdleLine = [.. Kamstrup, .. new byte[48 + (16 - (Kamstrup.Length % 16))], .. Kamstrup];

    [Theory]
    [InlineData("hexdump", "-C")]
    [InlineData("xxd", "-a")]
    [InlineData("od", "-A", "x", "-t", "x1z")]
    [InlineData("od", "-t", "x1")]
    public void Read_DumpThatFoldsEqualLinesIntoAStar_GivesEveryRepeatedByte(string tool, params string[] arguments)
    {
        var dump = Encoding.ASCII.GetString(HexForms.Tool(WithIdleLine, tool, arguments));
        Assert.Contains("\n*\n", dump, StringComparison.Ordinal);

        var (bytes, error) = HexTestText.Read(dump, new HexDumpReader());

        Assert.Null(error);
        Assert.Equal(WithIdleLine, bytes);
    }

    [Fact]
    public void Read_TwoDumpsPastedOneAfterTheOther_GivesBoth()
    {
        var dump = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "hexdump", "-C"));

        var (bytes, error) = HexTestText.Read(dump + "\n" + dump, new HexDumpReader());

        Assert.Null(error);
        Assert.Equal([.. Kamstrup, .. Kamstrup], bytes);
    }

    [Fact]
    public void Read_DumpWithALineLost_NamesTheLineAfterTheGap()
    {
        var lines = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "xxd")).Split('\n').ToList();
        lines.RemoveAt(2);

        var (bytes, error) = HexTestText.Read(string.Join('\n', lines), new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 3, column 1: the offset 00000030 does not follow from the line before (after the lines before, 00000020 was next)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..32], bytes);
    }

    [Fact]
    public void Read_StarWithNoOffsetAfterIt_SaysTheDumpEndsThere()
    {
        var (_, error) = HexTestText.Read("00000000  7e a0 7e a0 7e a0 7e a0  7e a0 7e a0 7e a0 7e a0  |~.~.~.~.~.~.~.~.|\n*\n", new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 2, column 1: the dump ends after '*'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CharacterColumnOfHexLetters_IsNotReadAsData()
    {
        // Bytes that are the letters "cafebabe 1234 ab": the character column shows them, and they read as hex too.
        var capture = Encoding.ASCII.GetBytes("cafebabe 1234 ab");
        var dump = Encoding.ASCII.GetString(HexForms.Tool(capture, "xxd"));
        Assert.EndsWith("  cafebabe 1234 ab\n", dump, StringComparison.Ordinal);

        var (bytes, error) = HexTestText.Read(dump, new HexDumpReader());

        Assert.Null(error);
        Assert.Equal(capture, bytes);
    }

    [Fact]
    public void Read_StrayCharacterInTheBytes_IsNamedWithItsLineAndColumn()
    {
        var lines = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "hexdump", "-C")).Split('\n');
        lines[4] = lines[4][..13] + "g" + lines[4][14..];

        var (bytes, error) = HexTestText.Read(string.Join('\n', lines), new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 5, column 14: 'g' is not a hex digit", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..65], bytes);
    }
}
