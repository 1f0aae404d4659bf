using System.Buffers;
using System.Buffers.Binary;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Simulation.Encoding;

/// <summary>
/// Writes COSEM <c>Data</c> in A-XDR (protocol.md §5): a type tag, then the value big-endian; strings,
/// arrays and structures carry an A-XDR length (§5.2). The mirror of the decoder's AxdrReader, kept
/// beside the simulator so the decoder never depends on it.
/// </summary>
public sealed class AxdrWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Count => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public AxdrWriter Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
        return this;
    }

    public AxdrWriter Byte(byte value) => Raw([value]);

    /// <summary>An A-XDR length or count: one byte below 0x80, else 0x81 or 0x82 and the length big-endian.</summary>
    public AxdrWriter Length(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, ushort.MaxValue);
        return length switch
        {
            < 0x80 => Byte((byte)length),
            <= 0xFF => Raw([0x81, (byte)length]),
            _ => Raw([0x82, (byte)(length >> 8), (byte)length]),
        };
    }

    public AxdrWriter Array(int count) => Tag(DataType.Array).Length(count);

    public AxdrWriter Structure(int count) => Tag(DataType.Structure).Length(count);

    public AxdrWriter Null() => Tag(DataType.NullData);

    public AxdrWriter OctetString(ReadOnlySpan<byte> bytes) => Tag(DataType.OctetString).Length(bytes.Length).Raw(bytes);

    /// <summary>A visible-string of ASCII text (meter identity strings; protocol.md §5.1 tag 0x0A).</summary>
    public AxdrWriter VisibleString(string text) => VisibleString(Ascii(text));

    public AxdrWriter VisibleString(ReadOnlySpan<byte> ascii) => Tag(DataType.VisibleString).Length(ascii.Length).Raw(ascii);

    /// <summary>An OBIS code as the 6-byte octet-string every logical name is sent as.</summary>
    public AxdrWriter Obis(ObisCode code)
    {
        Span<byte> six = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(six, (ushort)(code.Packed >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(six[2..], (uint)code.Packed);
        return OctetString(six);
    }

    public AxdrWriter DoubleLongUnsigned(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Tag(DataType.DoubleLongUnsigned).Raw(bytes);
    }

    public AxdrWriter Long(short value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        return Tag(DataType.Long).Raw(bytes);
    }

    public AxdrWriter LongUnsigned(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return Tag(DataType.LongUnsigned).Raw(bytes);
    }

    public AxdrWriter Integer(sbyte value) => Tag(DataType.Integer).Byte((byte)value);

    public AxdrWriter Enum(byte value) => Tag(DataType.Enum).Byte(value);

    /// <summary>A register's <c>scaler_unit</c>: <c>02 02 0F scaler 16 unit</c> (protocol.md §6.2).</summary>
    public AxdrWriter ScalerUnit(sbyte scaler, CosemUnit unit) => Structure(2).Integer(scaler).Enum((byte)unit);

    private AxdrWriter Tag(DataType type) => Byte((byte)type);

    private static byte[] Ascii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                throw new ArgumentException($"'{text}' is not ASCII; a visible-string carries ASCII only.", nameof(text));
            }
        }

        return System.Text.Encoding.ASCII.GetBytes(text);
    }
}
