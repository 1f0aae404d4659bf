using System.Diagnostics;
using System.Text;

namespace Han.TestCorpus;

/// <summary>
/// A capture written in the forms people paste hex in: by the real tools where one exists (xxd,
/// hexdump and od, Debian packages xxd, bsdextrautils and coreutils, which test.sh installs), and as
/// forums, C code and Windows editors write it otherwise. Every form here reads as the capture's bytes.
/// </summary>
public static class HexForms
{
    /// <summary>Tool command lines (the file's name follows) whose output han reads as the capture's bytes.</summary>
    public static readonly string[] ToolForms =
    [
        "xxd", "xxd -p", "xxd -i", "xxd -g1", "xxd -g4", "xxd -c32", "xxd -c7", "xxd -u", "xxd -a",
        "hexdump -C", "hd", "od -A x -t x1z", "od -A x -t x1", "od -t x1", "od -A d -t x1", "od -An -t x1",
    ];

    /// <summary>
    /// Tool command lines that print 16-, 32- or 64-bit words, which on a little-endian machine show each
    /// word's bytes swapped: han must refuse them rather than read other bytes.
    /// </summary>
    public static readonly string[] WordDumpForms =
    [
        "xxd -e", "od -x", "od -t x2", "od -t x4", "od -t x8", "od -A x -t x8", "od -An -x", "od -An -t x4", "hexdump", "hexdump -e '16/2 \"%04x \" \"\\n\"'",
    ];

    /// <summary>Forms written here, as forums, C code and Windows editors write them.</summary>
    private static readonly Dictionary<string, Func<byte[], byte[]>> Writers = new()
    {
        ["7E-A0-E2"] = capture => Ascii(Convert.ToHexString(capture).Chunk(2).Select(pair => new string(pair)), "-"),
        ["7e:a0:e2"] = capture => Ascii(Convert.ToHexString(capture).ToLowerInvariant().Chunk(2).Select(pair => new string(pair)), ":"),
        ["7E,A0,E2"] = capture => Ascii(capture.Select(b => $"{b:X2}"), ","),
        ["7E, A0; E2"] = capture => Ascii(capture.Select((b, i) => $"{b:X2}{(i % 2 == 0 ? "," : ";")}"), " "),
        ["0x7E, 0xA0"] = capture => Ascii(capture.Select(b => $"0x{b:X2}"), ", "),
        ["C array"] = CArray,
        ["one unbroken run"] = capture => Encoding.ASCII.GetBytes(Convert.ToHexString(capture)),
        ["UTF-8 with BOM, CRLF"] = capture => [0xEF, 0xBB, 0xBF, .. Spaced(capture, "\r\n", Encoding.ASCII)],
        ["UTF-8 with two BOMs"] = capture => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Spaced(capture, "\n", Encoding.ASCII)],
        ["CR line ends (old Mac)"] = capture => Spaced(capture, "\r", Encoding.ASCII),
        ["Windows-1252, no-break spaces"] = capture => Encoding.Latin1.GetBytes(string.Join('\u00A0', capture.Select(b => $"{b:X2}"))),
        ["UTF-16 LE with BOM (PowerShell)"] = capture => [0xFF, 0xFE, .. Spaced(capture, "\r\n", Encoding.Unicode)],
        ["UTF-16 LE"] = capture => Spaced(capture, "\n", Encoding.Unicode),
        ["UTF-16 BE with BOM"] = capture => [0xFE, 0xFF, .. Spaced(capture, "\n", Encoding.BigEndianUnicode)],
        ["UTF-16 BE"] = capture => Spaced(capture, "\n", Encoding.BigEndianUnicode),
        ["Format-Hex (Windows PowerShell 5.1, saved with >)"] = capture => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(FormatHex51(capture))],
        ["Format-Hex (PowerShell 7)"] = capture => Encoding.UTF8.GetBytes(FormatHex7(capture)),
        ["Format-Hex (PowerShell 7, Out-File -Encoding unicode)"] = capture => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(FormatHex7(capture).Replace("\n", "\r\n", StringComparison.Ordinal))],
        ["Format-Hex (PowerShell 7), rows copied without the header"] = capture => Encoding.UTF8.GetBytes(FormatHex7Rows(capture)),
        ["Format-Hex (Windows PowerShell 5.1), rows copied without the header"] = capture => Encoding.UTF8.GetBytes(FormatHex51Rows(capture)),
    };

    /// <summary>Spaced two-digit bytes at every line length from 8 to 32 bytes.</summary>
    public static IEnumerable<int> SpacedLineLengths => Enumerable.Range(8, 25);

    /// <summary>The names of the forms written here (not by a tool).</summary>
    public static IEnumerable<string> WrittenForms => Writers.Keys;

    /// <summary>The names of every form han reads: the tools' command lines and the forms written here.</summary>
    public static IEnumerable<string> Names => ToolForms.Concat(Writers.Keys);

    /// <summary>Every form with every one of <paramref name="captureIds"/>, for test cases.</summary>
    public static IEnumerable<(string Form, string CaptureId)> Pairs(params string[] captureIds) =>
        Names.SelectMany(form => captureIds.Select(id => (form, id)));

    /// <summary><paramref name="capture"/> written in the form called <paramref name="form"/> (a tool's command line or a written form's name), as a file would hold it.</summary>
    public static byte[] Write(string form, byte[] capture)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Writers.TryGetValue(form, out var writer))
        {
            return writer(capture);
        }

        var words = form.Split(' ');
        return Tool(capture, words[0], words[1..]);
    }

    /// <summary>
    /// What <paramref name="tool"/> writes for a file holding <paramref name="capture"/> (a file, not
    /// standard input, so that <c>xxd -i</c> writes its declaration). Fails when the tool is missing.
    /// </summary>
    public static byte[] Tool(byte[] capture, string tool, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var path = Path.Combine(Path.GetTempPath(), "han-capture-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, capture);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments.Append(path))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Two-digit bytes separated by spaces, <paramref name="perLine"/> to a line.</summary>
    public static byte[] Spaced(byte[] capture, string newline, Encoding encoding, int perLine = 16)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.GetBytes(string.Join(newline, capture.Chunk(perLine).Select(line => string.Join(' ', line.Select(b => $"{b:X2}")))) + newline);
    }

    /// <summary>
    /// Windows PowerShell 5.1's <c>Format-Hex -Path</c> as its documentation shows it: the path, a header
    /// numbering the byte columns, then the rows (<see cref="FormatHex51Rows"/>): an 8-digit offset, three
    /// spaces, the bytes, and the characters after two spaces (control bytes as '.', others as the
    /// character of their code point), CR LF line ends.
    /// </summary>
    private static string FormatHex51(byte[] capture) =>
        "\r\n           Path: C:\\han\\capture.bin\r\n\r\n           " + ColumnNumbers + "\r\n\r\n" + FormatHex51Rows(capture);

    /// <summary>Windows PowerShell 5.1's rows without the lines above (8-digit offsets, 3 spaces after them).</summary>
    private static string FormatHex51Rows(byte[] capture) =>
        string.Concat(capture.Chunk(16).Select((line, i) => $"{i * 16:X8}   {string.Join(' ', line.Select(b => $"{b:X2}")),-47}  {new string([.. line.Select(b => char.IsControl((char)b) ? '.' : (char)b)])}\r\n"));

    /// <summary>
    /// PowerShell 7's <c>Format-Hex -Path</c> as its documentation shows it (examples 2 and 3 of
    /// https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/format-hex?view=powershell-7.4):
    /// a label, a header with the column numbers and a rule, then the rows (<see cref="FormatHex7Rows"/>).
    /// </summary>
    private static string FormatHex7(byte[] capture) =>
        "   Label: C:\\han\\capture.bin\n\n          Offset Bytes                                           Ascii\n                 " + ColumnNumbers
        + "\n          ------ ----------------------------------------------- -----\n" + FormatHex7Rows(capture);

    /// <summary>
    /// PowerShell 7's rows, as a user copies them without the lines above: a 16-digit offset, the bytes
    /// and the characters one space apart (00 as a space, other control bytes as U+FFFD).
    /// </summary>
    private static string FormatHex7Rows(byte[] capture) =>
        string.Concat(capture.Chunk(16).Select((line, i) => $"{i * 16:X16} {string.Join(' ', line.Select(b => $"{b:X2}")),-47} {new string([.. line.Select(b => b == 0 ? ' ' : char.IsControl((char)b) ? '\uFFFD' : (char)b)])}\n"));

    private static string ColumnNumbers => string.Join(' ', Enumerable.Range(0, 16).Select(i => $"{i:X2}"));

    private static byte[] Ascii(IEnumerable<string> bytes, string separator) => Encoding.ASCII.GetBytes(string.Join(separator, bytes));

    /// <summary>As a C programmer writes a frame: a declaration, comments, 1-digit bytes where they fit, and a length after.</summary>
    private static byte[] CArray(byte[] capture) => Encoding.ASCII.GetBytes(
        "#include <stdint.h>\n\n/* A frame from the meter,\n   as received. */\nstatic const uint8_t frame[] =\n{\n"
        + string.Concat(capture.Chunk(8).Select((line, i) => "    " + string.Join(", ", line.Select(b => b < 0x10 ? $"0x{b:x}" : $"0X{b:X2}")) + (i == 0 ? ", // flag, format, length\n" : ",\n")))
        + "};\nconst size_t frame_length = sizeof(frame); // " + capture.Length + " bytes\n");
}
