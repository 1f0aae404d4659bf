using System.Buffers.Binary;
using Han.Protocol.Cosem;

namespace Han.Protocol.Axdr;

/// <summary>
/// One A-XDR element as read by <see cref="AxdrReader"/>: its tag, where it sits, and either its
/// payload bytes (scalars, strings) or its element count (array, structure). A view, never a copy.
/// </summary>
public readonly ref struct AxdrElement
{
    private readonly ReadOnlySpan<byte> _payload;

    internal AxdrElement(DataType type, int offset, int headerLength, int count, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Offset = offset;
        HeaderLength = headerLength;
        Count = count;
        _payload = payload;
    }

    public DataType Type { get; }

    /// <summary>Offset of the tag byte within the reader's buffer.</summary>
    public int Offset { get; }

    /// <summary>Tag plus length/count bytes (and, for compact-array, its type description).</summary>
    public int HeaderLength { get; }

    /// <summary>Elements of an array or structure; bytes of a string; bits of a bit-string; payload size otherwise.</summary>
    public int Count { get; }

    /// <summary>The value bytes after the header (empty for containers: their elements follow in the reader).</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>Offset just after this element's own bytes (for containers: after the header).</summary>
    public int End => Offset + HeaderLength + _payload.Length;

    public bool IsContainer => DataTypeInfo.IsContainer(Type);

    public bool IsInteger => DataTypeInfo.IsInteger(Type);

    /// <summary>True for the six-byte octet-string that names a COSEM object.</summary>
    public bool IsObisCode => Type == DataType.OctetString && _payload.Length == 6;

    /// <summary>True for a date-time element or a 12-byte octet-string (how clocks travel in push lists).</summary>
    public bool IsDateTime => (Type == DataType.DateTime || Type == DataType.OctetString) && _payload.Length == CosemDateTime.EncodedLength;

    public ObisCode ToObisCode() => IsObisCode
        ? ObisCode.FromBytes(_payload)
        : throw new InvalidOperationException($"A {DataTypeInfo.Name(Type)} of {_payload.Length} bytes is not an OBIS code.");

    public CosemDateTime ToDateTime() => IsDateTime
        ? CosemDateTime.Read(_payload)
        : throw new InvalidOperationException($"A {DataTypeInfo.Name(Type)} of {_payload.Length} bytes is not a date-time.");

    /// <summary>The integer value of any integer or enum type; false when it does not fit in 64 signed bits.</summary>
    public bool TryGetInt64(out long value)
    {
        value = Type switch
        {
            DataType.Integer => (sbyte)_payload[0],
            DataType.Unsigned or DataType.Enum => _payload[0],
            DataType.Long => BinaryPrimitives.ReadInt16BigEndian(_payload),
            DataType.LongUnsigned => BinaryPrimitives.ReadUInt16BigEndian(_payload),
            DataType.DoubleLong => BinaryPrimitives.ReadInt32BigEndian(_payload),
            DataType.DoubleLongUnsigned => BinaryPrimitives.ReadUInt32BigEndian(_payload),
            DataType.Long64 => BinaryPrimitives.ReadInt64BigEndian(_payload),
            DataType.Long64Unsigned => (long)BinaryPrimitives.ReadUInt64BigEndian(_payload),
            _ => 0,
        };

        if (!IsInteger)
        {
            return false;
        }

        return Type != DataType.Long64Unsigned || value >= 0;
    }

    /// <summary>The value of float32 or float64.</summary>
    public double ToDouble() => Type switch
    {
        DataType.Float32 => BinaryPrimitives.ReadSingleBigEndian(_payload),
        DataType.Float64 => BinaryPrimitives.ReadDoubleBigEndian(_payload),
        _ => throw new InvalidOperationException($"A {DataTypeInfo.Name(Type)} is not a floating-point value."),
    };

    public bool ToBoolean() => Type == DataType.Boolean
        ? _payload[0] != 0
        : throw new InvalidOperationException($"A {DataTypeInfo.Name(Type)} is not a boolean.");
}
