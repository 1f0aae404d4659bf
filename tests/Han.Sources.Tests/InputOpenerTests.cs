using System.Text;
using Han.TestCorpus;

namespace Han.Sources.Tests;

public sealed class InputOpenerTests
{
    private static readonly byte[] Kamstrup = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

    public static TheoryData<string> AllCaptures => [.. Vectors.All.Select(vector => vector.Id)];

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public async Task OpenAsync_EveryCaptureOfTheCorpus_GivesItsBytesUnchanged(string id)
    {
        // Binary captures and P1 telegrams (text, but not hex) go to the decoder as they are.
        var capture = Vectors.ById(id).Input;

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

    [Fact]
    public async Task OpenAsync_SeparatorOfTwoBytesCutByTheSampleEnd_IsReadWhole()
    {
        // A no-break space (C2 A0 in UTF-8) whose first byte is the sample's last.
        var head = string.Concat(Enumerable.Repeat("7E ", (InputOpener.SampleLength - 1) / 3)).PadRight(InputOpener.SampleLength - 1, ' ');
        var text = Encoding.UTF8.GetBytes(head + "\u00A0A0 E2");
        Assert.Equal(0xC2, text[InputOpener.SampleLength - 1]);

        var bytes = await ReadAllAsync(text);

        Assert.Equal([.. Enumerable.Repeat((byte)0x7E, (InputOpener.SampleLength - 1) / 3), 0xA0, 0xE2], bytes);
    }

    [Theory]
    [InlineData("hexdump")]
    [InlineData("od", "-x")]
    [InlineData("od", "-A", "x", "-t", "x2")]
    public async Task OpenAsync_DumpOf16BitWords_IsRefusedWithTheCommandToUseInstead(string tool, params string[] arguments)
    {
        var dump = HexForms.Tool(Kamstrup, tool, arguments);

        var problem = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(dump));

        Assert.StartsWith("hex dump, line 1, column ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("16-bit words", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'hexdump -C' or 'xxd'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SpacedHexWhoseLinesStartWith00_IsHexNotADump()
    {
        // xxd -r -p samples/aidon-no-list3.hex | xxd -p -c8 | sed 's/../& /g': line 3 starts 00, line 4 0F.
        var capture = RepositoryCaptures.All.Single(capture => capture.Id == "samples/aidon-no-list3.hex").Bytes;
        var text = HexForms.Spaced(capture, "\n", Encoding.ASCII, perLine: 8);

        Assert.Equal(capture, await ReadAllAsync(text));
    }

    [Fact]
    public async Task OpenAsync_TextWhoseSecondLineFailsAsADumpLine_IsNoDumpHoweverManyLinesFollowLater()
    {
        // Read as a dump, line 2's 0883 would not follow; line 3 would start a dump at 0000, and line 4's
        // 0003 follow from it. A dump shows itself at its second line, before anything goes wrong.
        var text = "7EA0 E2 2B 41\n0883 13 EB FD\n0000 E6 E7 00\n0003 0F 40 00\n"u8.ToArray();

        Assert.Equal(Convert.FromHexString("7EA0E22B41088313EBFD0000E6E70000030F4000"), await ReadAllAsync(text));
    }

    [Theory]
    [InlineData("64-bit words", "od", "-A", "x", "-t", "x8")]
    [InlineData("64-bit words", "od", "-t", "x8")]
    [InlineData("32-bit words", "od", "-t", "x4")]
    public async Task OpenAsync_DumpOfLongerWords_IsRefused(string words, string tool, params string[] arguments)
    {
        var dump = HexForms.Tool(Kamstrup, tool, arguments);

        var problem = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(dump));

        Assert.StartsWith("hex dump, line 1, column ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 2, "od", "-An", "-x")]
    [InlineData(8, 2, "od", "-An", "-t", "x4")]
    [InlineData(16, 2, "od", "-An", "-t", "x8")]
    [InlineData(4, 1, "hexdump", "-e", "16/2 \"%04x \" \"\\n\"")]
    public async Task OpenAsync_WordsWithoutOffsets_AreRefusedSayingWhatToDo(int digits, int column, string tool, params string[] arguments)
    {
        var dump = HexForms.Tool(Kamstrup, tool, arguments);

        var problem = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(dump));

        Assert.StartsWith($"hex text, line 1, column {column}: every group of digits here holds {digits}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'xxd -p' or 'od -An -t x1'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-c2")]
    [InlineData("-c4")]
    [InlineData("-c8")]
    public async Task OpenAsync_XxdPlainWithOneWordALine_IsReadAsTheBytesItSpells(string columns)
    {
        // One group a line is how xxd -p writes bytes in order, whatever its length.
        Assert.Equal(Kamstrup, await ReadAllAsync(HexForms.Tool(Kamstrup, "xxd", "-p", columns)));
    }

    [Fact]
    public async Task OpenAsync_XxdOfLittleEndianWordsWhoseFirstBytesBothShowAsDots_IsRefused()
    {
        // An LLC message starts E6 E7 00 0F: the column's first characters are '.' in either order; the
        // '@' further on is where it shows the bytes in another order than the digits.
        var dump = HexForms.Tool(Vectors.ById("amshan-aidon-no-list1").Input, "xxd", "-e");
        Assert.StartsWith("00000000: 0f00e7e6 00000040 ", Encoding.ASCII.GetString(dump), StringComparison.Ordinal);

        var problem = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(dump));

        Assert.StartsWith("hex dump, line 1, column 48: the character column shows this line's bytes in another order than its digits: each group is a little-endian word (xxd -e)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_XxdOfLittleEndianWordsInOneShortLine_IsNotReadAsOtherBytes()
    {
        // 11 bytes: xxd -e pads the short last word on the left, so it stands after two spaces, as xxd's
        // column does; the column is then longer than the line's bytes.
        var dump = HexForms.Tool(Vectors.ById("hassams-kamstrup-truncated").Input, "xxd", "-e");
        Assert.Contains("   7ee7e6  ", Encoding.ASCII.GetString(dump), StringComparison.Ordinal);

        await using var stream = await InputOpener.OpenAsync(new MemoryStream(dump));
        var (_, error) = HexTestText.Drain(stream);

        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("Hello, this is my meter.\n", 1, 1, "'H' is not a hex digit")]
    [InlineData("7E A0 E2\nThe meter sends this every 10 seconds.\n", 2, 1, "'T' is not a hex digit")]
    [InlineData("{ 0x7E, 0xA0 } is what I get, and then some more words\n", 1, 16, "'is' is not a byte written 0x")]
    public async Task OpenAsync_TextThatIsNotHex_IsRefusedNamingItsFirstCharacterThatIsNot(string text, int line, int column, string detail)
    {
        var problem = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(Encoding.UTF8.GetBytes(text)));

        Assert.StartsWith($"this looks like text, not hex, because line {line}, column {column}: {detail}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 6, "G", "'G' is not a hex digit")] // a digit mistyped
    [InlineData(8, 15, "", "a lone hex digit")] // a digit lost
    public async Task OpenAsync_ShortHexWithATypo_IsHexWithAStrayCharacterNotBinaryOrText(int length, int at, string typo, string detail)
    {
        // The first bytes of a real frame, with one typo.
        var text = string.Join(' ', Kamstrup.Take(length).Select(b => $"{b:X2}"));
        text = text[..at] + typo + text[(at + 1)..];

        await using var stream = await InputOpener.OpenAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        var (bytes, error) = HexTestText.Drain(stream);

        Assert.Equal(Kamstrup[..(at / 3)], bytes);
        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line 1, column {at + 1}: {detail}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_OnlyAByteOrderMark_IsAnEmptyInput()
    {
        // What Notepad saves for an empty file in UTF-8.
        Assert.Empty(await ReadAllAsync([0xEF, 0xBB, 0xBF]));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'7', (byte)'E' })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0xFF, 0xFE, (byte)'7', 0, (byte)'E', 0 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0xFE, 0xFF, 0, (byte)'7', 0, (byte)'E' })]
    public async Task OpenAsync_TwoByteOrderMarks_AreBothSkipped(byte[] text)
    {
        // Two files saved with a byte-order mark each, joined: the second mark is no character either.
        Assert.Equal([0x7E], await ReadAllAsync(text));
    }

    [Fact]
    public async Task OpenAsync_HexWithNoBreakSpacesSavedAsWindows1252_GivesTheBytesItSpells()
    {
        // A forum's no-break spaces, saved by a Windows editor as the single byte A0.
        var text = Encoding.Latin1.GetBytes(string.Join('\u00A0', Kamstrup.Select(b => $"{b:X2}")));

        Assert.Equal(Kamstrup, await ReadAllAsync(text));
    }

    [Fact]
    public async Task OpenAsync_Utf16HexWithNoBreakSpaces_GivesTheBytesItSpells()
    {
        var text = Encoding.Unicode.GetBytes(string.Join('\u00A0', Kamstrup.Select(b => $"{b:X2}")));

        Assert.Equal(Kamstrup, await ReadAllAsync(text));
    }

    [Fact]
    public async Task OpenAsync_ShortHexWithAByteThatIsNotUtf8_IsHexWithTheByteReportedWhereItStands()
    {
        await using var stream = await InputOpener.OpenAsync(new MemoryStream([.. "7E A0 E2\n7E"u8, 0xFF, .. "A0\n"u8]));
        var (bytes, error) = HexTestText.Drain(stream);

        Assert.Equal([0x7E, 0xA0, 0xE2, 0x7E], bytes);
        Assert.NotNull(error);
        Assert.StartsWith("hex text, line 2, column 3: '\u00FF' (U+00FF) is not a hex digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_OneUnbrokenRunWithADigitAdded_NamesTheRunAndGivesNoneOfItsBytes()
    {
        // tr -d ' \n' < samples/kamstrup-no-list2.hex, with a digit added at column 101.
        var run = string.Concat(File.ReadAllText(Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex")).Where(char.IsAsciiHexDigit));
        run = run[..100] + "7" + run[100..];

        await using var stream = await InputOpener.OpenAsync(new MemoryStream(Encoding.ASCII.GetBytes(run)));
        var (bytes, error) = HexTestText.Drain(stream);

        Assert.Empty(bytes);
        Assert.NotNull(error);
        Assert.StartsWith($"hex text, line 1, column 1: a digit is missing or extra somewhere in line 1, columns 1-{run.Length}: {run.Length} hex digits in a row, an odd number, do not pair up into bytes; none of them was decoded", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public async Task OpenAsync_BinaryStartingWithTheBytesOfAByteOrderMark_GivesItsBytesUnchanged(byte[] start)
    {
        // FF FE and FE FF are what a line at the wrong speed gives all the time.
        byte[] capture = [.. start, .. Kamstrup];

        Assert.Equal(capture, await ReadAllAsync(capture));
    }

    [Fact]
    public async Task OpenAsync_RandomBinary_GivesItsBytesUnchanged()
    {
        var random = new byte[InputOpener.SampleLength * 2];
        new Random(11).NextBytes(random);

        Assert.Equal(random, await ReadAllAsync(random));
    }

    private static async Task<byte[]> ReadAllAsync(byte[] raw)
    {
        await using var stream = await InputOpener.OpenAsync(new MemoryStream(raw));
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);
        return output.ToArray();
    }
}
