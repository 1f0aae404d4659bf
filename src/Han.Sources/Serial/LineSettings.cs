using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Han.Sources.Serial;

/// <summary>
/// How a serial line is set: speed, data bits, parity and stop bits, written the way meter manuals and
/// forums write them, <c>2400 8E1</c> (Aidon, Kaifa and Landis+Gyr in Norway; Kamstrup is 2400 8N1;
/// DSMR P1 is 115200 8N1, or 9600 7E1 before DSMR 4).
/// </summary>
public sealed record LineSettings(int Baud, int DataBits, LineParity Parity, int StopBits)
{
    /// <summary>The standard speeds a serial adapter offers, and that <c>--baud</c> accepts.</summary>
    public static IReadOnlyList<int> StandardBauds { get; } = [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <summary>Bits on the wire per byte: start bit, data bits, parity bit if any, stop bits.</summary>
    public int BitsPerByte => 1 + DataBits + (Parity == LineParity.None ? 0 : 1) + StopBits;

    /// <summary>How long one byte takes on the line.</summary>
    public TimeSpan ByteTime => TimeSpan.FromSeconds((double)BitsPerByte / Baud);

    /// <summary><c>2400 8E1</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Baud} {DataBits}{Parity.ToString()[0]}{StopBits}");

    /// <summary>Reads <c>2400 8E1</c> (also <c>2400 8e1</c>, <c>2400,8E1</c>); false with what would be valid.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LineSettings? settings, out string error)
    {
        settings = null;
        error = string.Empty;
        var parts = (text ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[1].Length != 3)
        {
            error = $"'{text}' is not a line setting; write speed and frame as in '2400 8E1' (data bits 7 or 8, parity N, E or O, stop bits 1 or 2)";
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var baud) || !StandardBauds.Contains(baud))
        {
            error = $"'{parts[0]}' is not a standard speed; use one of {string.Join(", ", StandardBauds)}";
            return false;
        }

        var frame = parts[1].ToUpperInvariant();
        LineParity? parity = frame[1] switch { 'N' => LineParity.None, 'E' => LineParity.Even, 'O' => LineParity.Odd, _ => null };
        if (frame[0] is not ('7' or '8') || parity is null || frame[2] is not ('1' or '2'))
        {
            error = $"'{parts[1]}' is not a frame setting; write data bits (7 or 8), parity (N, E or O) and stop bits (1 or 2), as in 8E1";
            return false;
        }

        settings = new LineSettings(baud, frame[0] - '0', parity.Value, frame[2] - '0');
        return true;
    }

    /// <summary>Reads a setting that is known to be valid (tests, tables).</summary>
    public static LineSettings Parse(string text) =>
        TryParse(text, out var settings, out var error) ? settings : throw new FormatException(error);
}
