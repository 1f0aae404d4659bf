using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Han.Protocol.Cosem;

/// <summary>
/// An OBIS code A-B:C.D.E.F (IEC 62056-61), six bytes packed into one integer so it compares,
/// hashes and switches cheaply. Prints as <c>1.0.1.7.0.255</c> (the JSON key form) or
/// <c>1-0:1.7.0.255</c> (the standard's form); parses both.
/// </summary>
public readonly struct ObisCode : IEquatable<ObisCode>, IComparable<ObisCode>, ISpanFormattable
{
    private readonly ulong _packed;

    public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
    {
        _packed = ((ulong)a << 40) | ((ulong)b << 32) | ((ulong)c << 24) | ((ulong)d << 16) | ((ulong)e << 8) | f;
    }

    private ObisCode(ulong packed) => _packed = packed;

    public byte A => (byte)(_packed >> 40);

    public byte B => (byte)(_packed >> 32);

    public byte C => (byte)(_packed >> 24);

    public byte D => (byte)(_packed >> 16);

    public byte E => (byte)(_packed >> 8);

    public byte F => (byte)_packed;

    /// <summary>The six groups as one 48-bit number (A in the top byte); stable, usable as a key.</summary>
    public ulong Packed => _packed;

    /// <summary>Reads the six bytes of an OBIS octet-string as it appears on the wire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ObisCode FromBytes(ReadOnlySpan<byte> six)
    {
        if (six.Length != 6)
        {
            throw new ArgumentException($"An OBIS code has 6 bytes, not {six.Length}.", nameof(six));
        }

        return new ObisCode(((ulong)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(six) << 16) | System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(six[4..]));
    }

    public static ObisCode FromPacked(ulong packed) =>
        packed <= 0xFFFF_FFFF_FFFF ? new ObisCode(packed) : throw new ArgumentOutOfRangeException(nameof(packed), "An OBIS code has 48 bits.");

    public static ObisCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an OBIS code; expected A.B.C.D.E.F or A-B:C.D.E.F (each 0-255).");

    /// <summary>Accepts <c>A.B.C.D.E.F</c>, <c>A-B:C.D.E.F</c>, and <c>A-B:C.D.E</c> (F defaults to 255).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ObisCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        string[] groups;
        if (dash < 0 && colon < 0)
        {
            groups = s.Split('.');
        }
        else
        {
            var wellPlaced = dash > 0 && colon > dash + 1
                && dash == s.LastIndexOf('-') && colon == s.LastIndexOf(':');
            if (!wellPlaced)
            {
                return false;
            }

            var rest = s[(colon + 1)..].Split('.');
            if (rest.Length is not (3 or 4))
            {
                return false;
            }

            groups = [s[..dash], s[(dash + 1)..colon], .. rest, .. rest.Length == 3 ? ["255"] : Array.Empty<string>()];
        }

        if (groups.Length != 6)
        {
            return false;
        }

        Span<byte> values = stackalloc byte[6];
        for (var i = 0; i < 6; i++)
        {
            if (!byte.TryParse(groups[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        code = new ObisCode(values[0], values[1], values[2], values[3], values[4], values[5]);
        return true;
    }

    /// <summary>The dotted form used as a JSON key: <c>1.0.1.7.0.255</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{A}.{B}.{C}.{D}.{E}.{F}");

    /// <summary>"D" (default) for <c>1.0.1.7.0.255</c>, "S" for the standard's <c>1-0:1.7.0.255</c>.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        format is "S" or "s"
            ? string.Create(CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}.{F}")
            : ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        format is "S" or "s"
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}.{F}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{A}.{B}.{C}.{D}.{E}.{F}", out charsWritten);

    public bool Equals(ObisCode other) => _packed == other._packed;

    public override bool Equals(object? obj) => obj is ObisCode other && Equals(other);

    public override int GetHashCode() => _packed.GetHashCode();

    public int CompareTo(ObisCode other) => _packed.CompareTo(other._packed);

    public static bool operator ==(ObisCode left, ObisCode right) => left.Equals(right);

    public static bool operator !=(ObisCode left, ObisCode right) => !left.Equals(right);

    public static bool operator <(ObisCode left, ObisCode right) => left._packed < right._packed;

    public static bool operator >(ObisCode left, ObisCode right) => left._packed > right._packed;

    public static bool operator <=(ObisCode left, ObisCode right) => left._packed <= right._packed;

    public static bool operator >=(ObisCode left, ObisCode right) => left._packed >= right._packed;
}
