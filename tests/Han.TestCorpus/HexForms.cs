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
    private static readonly Dictionary<string, Func<byte[], byte[]>> Writers = new()
    {
        ["xxd"] = capture => Tool(capture, "xxd"),
        ["xxd -p"] = capture => Tool(capture, "xxd", "-p"),
        ["xxd -g1 -u"] = capture => Tool(capture, "xxd", "-g1", "-u"),
        ["xxd -c 32 -g 4"] = capture => Tool(capture, "xxd", "-c", "32", "-g", "4"),
        ["xxd -i"] = capture => Tool(capture, "xxd", "-i"),
        ["hexdump -C"] = capture => Tool(capture, "hexdump", "-C"),
        ["hd"] = capture => Tool(capture, "hd"),
        ["od -A x -t x1z"] = capture => Tool(capture, "od", "-A", "x", "-t", "x1z"),
        ["od -t x1"] = capture => Tool(capture, "od", "-t", "x1"),
        ["od -A d -t x1"] = capture => Tool(capture, "od", "-A", "d", "-t", "x1"),
        ["7E-A0-E2"] = capture => Ascii(Convert.ToHexString(capture).Chunk(2).Select(pair => new string(pair)), "-"),
        ["7e:a0:e2"] = capture => Ascii(Convert.ToHexString(capture).ToLowerInvariant().Chunk(2).Select(pair => new string(pair)), ":"),
        ["7E, A0; E2"] = capture => Ascii(capture.Select((b, i) => $"{b:X2}{(i % 2 == 0 ? "," : ";")}"), " "),
        ["0x7E, 0xA0"] = capture => Ascii(capture.Select(b => $"0x{b:X2}"), ", "),
        ["C array"] = CArray,
        ["UTF-8 with BOM, CRLF"] = capture => [0xEF, 0xBB, 0xBF, .. Spaced(capture, "\r\n", Encoding.ASCII)],
        ["UTF-16 LE with BOM (PowerShell)"] = capture => [0xFF, 0xFE, .. Spaced(capture, "\r\n", Encoding.Unicode)],
        ["UTF-16 LE"] = capture => Spaced(capture, "\n", Encoding.Unicode),
        ["UTF-16 BE with BOM"] = capture => [0xFE, 0xFF, .. Spaced(capture, "\n", Encoding.BigEndianUnicode)],
        ["UTF-16 BE"] = capture => Spaced(capture, "\n", Encoding.BigEndianUnicode),
    };

    /// <summary>The names of every form, for test cases.</summary>
    public static IEnumerable<string> Names => Writers.Keys;

    /// <summary>Every form with every one of <paramref name="captureIds"/>, for test cases.</summary>
    public static IEnumerable<(string Form, string CaptureId)> Pairs(params string[] captureIds) =>
        Writers.Keys.SelectMany(form => captureIds.Select(id => (form, id)));

    /// <summary><paramref name="capture"/> written in the form called <paramref name="form"/>, as a file would hold it.</summary>
    public static byte[] Write(string form, byte[] capture) => Writers[form](capture);

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

    /// <summary>Two-digit bytes separated by spaces, 16 to a line.</summary>
    public static byte[] Spaced(byte[] capture, string newline, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.GetBytes(string.Join(newline, capture.Chunk(16).Select(line => string.Join(' ', line.Select(b => $"{b:X2}")))) + newline);
    }

    private static byte[] Ascii(IEnumerable<string> bytes, string separator) => Encoding.ASCII.GetBytes(string.Join(separator, bytes));

    /// <summary>As a C programmer writes a frame: a declaration, comments, 1-digit bytes where they fit, and a length after.</summary>
    private static byte[] CArray(byte[] capture) => Encoding.ASCII.GetBytes(
        "#include <stdint.h>\n\n/* A frame from the meter,\n   as received. */\nstatic const uint8_t frame[] =\n{\n"
        + string.Concat(capture.Chunk(8).Select((line, i) => "    " + string.Join(", ", line.Select(b => b < 0x10 ? $"0x{b:x}" : $"0X{b:X2}")) + (i == 0 ? ", // flag, format, length\n" : ",\n")))
        + "};\nconst size_t frame_length = sizeof(frame); // " + capture.Length + " bytes\n");
}
