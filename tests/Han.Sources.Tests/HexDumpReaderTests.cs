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

    [Theory]
    [InlineData("xxd")]
    [InlineData("hexdump", "-C")]
    public void Read_DumpWithItsSecondLineLost_NamesTheLineAfterTheGap(string tool, params string[] arguments)
    {
        // 00000020 after a line of 16 bytes would follow if it were octal, as only od's offsets are.
        var lines = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, tool, arguments)).Split('\n').ToList();
        lines.RemoveAt(1);

        var (bytes, error) = HexTestText.Read(string.Join('\n', lines), new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 2, column 1: the offset 00000020 does not follow from the line before (after the lines before, 00000010 was next)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..16], bytes);
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

    [Fact]
    public void Read_StarWhoseOffsetLiesTerabytesOn_IsRefusedNotExpandedForEver()
    {
        var text = "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n0000ffffffff0000\n";

        var (bytes, error) = HexTestText.Read(text, new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 3, column 1: the '*' on line 2 would repeat the line before 17592186040319 times (281474976645104 bytes), more than the 64 MiB one '*' may stand for", error.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[16], bytes);
    }

    [Fact]
    public void Read_StarOfAMebibyte_IsExpanded()
    {
        var text = "00000000  7e 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |~...............|\n*\n00100000\n";

        var (bytes, error) = HexTestText.Read(text, new HexDumpReader());

        Assert.Null(error);
        Assert.Equal(1 << 20, bytes.Length);
        Assert.Equal(0x7E, bytes[^16]);
    }

    [Fact]
    public void Read_ZeroOffsetAfterAFullLine_DoesNotFollowRatherThanStartingAnotherDump()
    {
        // A line starting 000000 in the middle of a dump is a line that went wrong; only after the dump's
        // last line (shorter, or the offset alone) may a new dump start at 0.
        var dump = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup, "od", "-A", "x", "-t", "x1")).Split('\n');
        var text = string.Join('\n', dump[0], dump[1], "000000" + dump[2][6..]);

        var (bytes, error) = HexTestText.Read(text, new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 3, column 1: the offset 000000 does not follow from the line before", error.Message, StringComparison.Ordinal);
        Assert.Equal(Kamstrup[..32], bytes);
    }

    [Fact]
    public void Read_TwoXxdDumpsOfWholeLinesPastedOneAfterTheOther_GivesBoth()
    {
        // xxd writes no offset-only last line; its ':' shows a new dump's 0 for the offset it is.
        var dump = Encoding.ASCII.GetString(HexForms.Tool(Kamstrup[..32], "xxd"));

        var (bytes, error) = HexTestText.Read(dump + dump, new HexDumpReader());

        Assert.Null(error);
        Assert.Equal([.. Kamstrup[..32], .. Kamstrup[..32]], bytes);
    }

    [Fact]
    public void Read_FormatHexOfWindowsPowerShell_SkipsItsHeaderAndItsCharacterColumn()
    {
        // Windows PowerShell 5.1: a path and a header row above, no '|' before the character column, whose
        // letters here are hex digits too.
        var capture = Encoding.ASCII.GetBytes("ABCDEF0123456789 cafe");
        var text = "\n           Path: C:\\capture.bin\n\n           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n\n"
            + "00000000   41 42 43 44 45 46 30 31 32 33 34 35 36 37 38 39  ABCDEF0123456789\n"
            + "00000010   20 63 61 66 65                                    cafe\n";

        var reader = HexFormDetector.Detect(text, isWholeInput: true);
        var (bytes, error) = HexTestText.Read(text, reader);

        Assert.IsType<HexDumpReader>(reader);
        Assert.Null(error);
        Assert.Equal(capture, bytes);
    }
}
