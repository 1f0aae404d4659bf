using System.Text;
using System.Text.RegularExpressions;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// A real P1 telegram with the value of every text line replaced (equipment identifiers <c>96.1.x</c>,
/// text messages <c>96.13.x</c>, the version <c>0.2.8</c>, the device identifier <c>0.0.0</c>), sealed
/// again behind a valid CRC. The new text is written as bytes (<see cref="MeterBytes"/>), not hex, so the
/// decoder keeps it as written. CR and LF are left out: they end a P1 line, so no group can hold them
/// (a line cut by one is skipped as malformed, and its text is never shown).
/// </summary>
internal static partial class P1TextRewriter
{
    public static byte[] Rewrite(byte[] telegram, string text)
    {
        var start = Array.IndexOf(telegram, (byte)'/');
        var bang = Array.IndexOf(telegram, (byte)'!', start);
        var source = Encoding.Latin1.GetString(telegram, start, bang + 1 - start);
        var value = Encoding.Latin1.GetString(MeterBytes.Of(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)));
        var rewritten = TextLine().Replace(source, match => match.Groups["code"].Value + "(" + value + ")");
        return P1TelegramBuilder.Seal(Encoding.Latin1.GetBytes(rewritten));
    }

    /// <summary>A line of one group whose code is a text: <c>0-0:96.1.1(4B38…)</c>, <c>0-0:96.13.0()</c>, <c>1-0:0.0.0*255(0272…)</c>.</summary>
    [GeneratedRegex(@"(?m)^(?<code>\d+-\d+:(?:96\.1\.\d+|96\.13\.\d|0\.2\.8|0\.0\.0)(?:\*\d+)?)\([^()\r\n]*\)(?=\r?\n)")]
    private static partial Regex TextLine();
}
