using System.Text;
using Han.Sources.HexText;
using Han.TestCorpus;

namespace Han.Sources.Tests;

public sealed class HexDumpReaderTests
{
    private static readonly byte[] Kamstrup = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

    /// <summary>An Aidon list 1 frame (44 bytes): two full dump lines and a short one.</summary>
    private static readonly byte[] AidonList1 = Vectors.ById("hassams-aidon-no-list1").Input;

    /// <summary>
    /// <see cref="AidonList1"/> as PowerShell 7's <c>Format-Hex -Path</c> writes it, by hand after the
    /// examples of its documentation
    /// (https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/format-hex?view=powershell-7.4,
    /// examples 2 and 3): a 16-digit offset, the bytes padded to 16 columns, one space, and the bytes as
    /// characters: 00 as a space, other control bytes as U+FFFD, A0 to FF as the Latin-1 character.
    /// </summary>
    private const string FormatHex7Rows =
        "0000000000000000 7E A0 2A 41 08 83 13 04 13 E6 E7 00 0F 40 00 00 ~\u00A0*A\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDæç \uFFFD@  \n"
        + "0000000000000010 00 00 01 01 02 03 09 06 01 00 01 07 00 FF 06 00   \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD ÿ\uFFFD \n"
        + "0000000000000020 00 02 DD 02 02 0F 00 16 1B 5C F6 7E              \uFFFDÝ\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\\ö~\n";

    /// <summary>The lines PowerShell 7 writes above the rows: a label, the columns' names, the byte columns numbered and ruled.</summary>
    private const string FormatHex7Header =
        "\n   Label: C:\\Users\\kari\\aidon.bin\n\n"
        + "          Offset Bytes                                           Ascii\n"
        + "                 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n"
        + "          ------ ----------------------------------------------- -----\n";

    /// <summary>
    /// <see cref="AidonList1"/> as Windows PowerShell 5.1's Format-Hex writes its rows, after the examples of
    /// its documentation (https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/format-hex?view=powershell-5.1):
    /// an 8-digit offset, 3 spaces, the bytes, 2 spaces, and the bytes as characters: control bytes as '.',
    /// bytes from 80 up as '?'.
    /// </summary>
    private const string FormatHex51Rows =
        "00000000   7E A0 2A 41 08 83 13 04 13 E6 E7 00 0F 40 00 00  ~?*A.?...??..@..\r\n"
        + "00000010   00 00 01 01 02 03 09 06 01 00 01 07 00 FF 06 00  .............?..\r\n"
        + "00000020   00 02 DD 02 02 0F 00 16 1B 5C F6 7E              ..?......\\?~\r\n";

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
        Assert.StartsWith("hex dump, line 3, column 1: the '*' on line 2 would repeat the line before 17592186040319 times (281474976645104 bytes), more than the 64 MiB the '*' lines of one text may stand for: check the offset after it; if the capture really holds that many equal lines, give han the binary file the dump was made from", error.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[16], bytes);
    }

    [Theory]
    [InlineData("7ffffffffffffff0", "the '*' on line 2 would repeat the line before 576460752303423486 times (9223372036854775776 bytes), more than the 64 MiB")]
    [InlineData("7fffffffffffffff", "the offset 7fffffffffffffff after '*' is not a whole number of repeated 16-byte lines further on")]
    [InlineData("ffffffffffffffff", "the offset ffffffffffffffff after '*' is not a whole number of repeated 16-byte lines further on")]
    public void Read_StarWhoseOffsetIsTheLargestThere_IsRefusedAtOnce(string offset, string problem)
    {
        var text = "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n" + offset + "\n";

        var (bytes, error) = HexTestText.Read(text, new HexDumpReader());

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 3, column 1: " + problem, error.Message, StringComparison.Ordinal);
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

        var (reader, bytes, error) = ReadAsDetected(text);

        Assert.IsType<HexDumpReader>(reader);
        Assert.Null(error);
        Assert.Equal(capture, bytes);
    }

    [Theory]
    [InlineData(FormatHex7Header + FormatHex7Rows)]
    [InlineData(FormatHex7Rows)]
    [InlineData(FormatHex51Rows)]
    public void Read_FormatHexWithOrWithoutTheLinesAboveItsRows_SkipsOffsetsAndCharacterColumn(string text)
    {
        // Copied without the header, the rows are known by their offsets: PowerShell 7's have 16 digits,
        // Windows PowerShell 5.1's 3 spaces after them, no other tool's do; only that tells where the
        // character column starts.
        var (reader, bytes, error) = ReadAsDetected(text);

        Assert.IsType<HexDumpReader>(reader);
        Assert.Null(error);
        Assert.Equal(AidonList1, bytes);
    }

    [Fact]
    public void Read_FormatHexOfPowerShell7WithALineLost_NamesTheLineAfterTheGap()
    {
        var lines = (FormatHex7Header + FormatHex7Rows).Split('\n').ToList();
        lines.RemoveAt(7);
        var text = string.Join('\n', lines);

        var (_, bytes, error) = ReadAsDetected(text);

        Assert.NotNull(error);
        Assert.StartsWith("hex dump, line 8, column 1: the offset 0000000000000020 does not follow from the line before", error.Message, StringComparison.Ordinal);
        Assert.Equal(AidonList1[..16], bytes);
    }

    /// <summary>Reads <paramref name="text"/> in the form the detector finds for it, as a whole input.</summary>
    private static (HexFormReader Reader, byte[] Bytes, InvalidDataException? Error) ReadAsDetected(string text)
    {
        var reader = HexFormDetector.Detect(text, isWholeInput: true);
        var (bytes, error) = HexTestText.Read(text, reader);
        return (reader, bytes, error);
    }
}
