using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol.Cosem;

namespace Han.Protocol.Axdr;

/// <summary>
/// A forward-only, allocation-free reader of A-XDR encoded COSEM <c>Data</c> (IEC 61334-6), in the
/// manner of <c>Utf8JsonReader</c>: <see cref="Read"/> returns one element at a time; an array or
/// structure returns its header and its elements follow. Every length is checked against the bytes
/// that remain, so a malformed value raises <see cref="DecodeException"/> and never reads past the end.
/// </summary>
public ref struct AxdrReader
{
    /// <summary>Nesting limit for <see cref="SkipValue"/> and type descriptions; real lists nest 3 deep.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public AxdrReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>The tag of the next element without consuming it.</summary>
    public readonly DataType PeekType()
    {
        if (IsAtEnd)
        {
            ThrowEndOfData(_position);
        }

        return (DataType)_data[_position];
    }

    /// <summary>Reads the next element's header and, for non-containers, its payload.</summary>
    public AxdrElement Read()
    {
        var offset = _position;
        var type = PeekType();
        var cursor = _position + 1;
        var fixedSize = DataTypeInfo.FixedSize(type);
        switch (fixedSize)
        {
            case -2:
                ThrowUnknownType(offset, type);
                break;
            case >= 0:
                Need(cursor, fixedSize, offset, type);
                _position = cursor + fixedSize;
                return new AxdrElement(type, offset, 1, fixedSize, _data.Slice(cursor, fixedSize));
        }

        if (type == DataType.CompactArray)
        {
            return ReadCompactArray(offset, cursor);
        }

        var count = ReadLength(ref cursor);
        if (DataTypeInfo.IsContainer(type))
        {
            // Each element takes at least one byte: a count beyond that cannot be honest.
            if (count > _data.Length - cursor)
            {
                ThrowTooManyElements(offset, type, count, _data.Length - cursor);
            }

            _position = cursor;
            return new AxdrElement(type, offset, cursor - offset, count, ReadOnlySpan<byte>.Empty);
        }

        var byteCount = type == DataType.BitString ? (int)((count + 7L) / 8) : count;
        Need(cursor, byteCount, offset, type);
        _position = cursor + byteCount;
        return new AxdrElement(type, offset, cursor - offset, count, _data.Slice(cursor, byteCount));
    }

    /// <summary>
    /// Reads an OBIS code (<c>09 06</c> + 6 bytes) when one comes next; otherwise consumes nothing.
    /// A shortcut for the element every push list repeats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadObisCode(out ObisCode code)
    {
        var rest = _data[_position..];
        if (rest.Length >= 8 && rest[0] == (byte)DataType.OctetString && rest[1] == 6)
        {
            code = ObisCode.FromBytes(rest.Slice(2, 6));
            _position += 8;
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>
    /// Reads the untagged attribute descriptor that opens an element of a compact-descriptor list
    /// (<see cref="CompactDescriptorList"/>): <c>02 02</c>, class id (2 bytes), OBIS code (6 bytes) and
    /// attribute (1 byte), when one comes next and a known data type follows it; otherwise consumes nothing.
    /// </summary>
    public bool TryReadCompactDescriptor(out int classId, out ObisCode code, out int attribute)
    {
        var rest = _data[_position..];
        if (rest.Length >= CompactDescriptorList.DescriptorLength + 1
            && rest[0] == (byte)DataType.Structure && rest[1] == 2
            && DataTypeInfo.FixedSize((DataType)rest[CompactDescriptorList.DescriptorLength]) != -2)
        {
            classId = (rest[2] << 8) | rest[3];
            code = ObisCode.FromBytes(rest.Slice(4, 6));
            attribute = rest[10];
            _position += CompactDescriptorList.DescriptorLength;
            return true;
        }

        classId = 0;
        code = default;
        attribute = 0;
        return false;
    }

    /// <summary>
    /// Reads the head of an object structure, <c>02 02|03 09 06</c> + OBIS, when one comes next, leaving
    /// the reader on its value; otherwise consumes nothing. <paramref name="members"/> is 2 or 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadObjectHead(out ObisCode code, out int members)
    {
        var rest = _data[_position..];
        if (rest.Length >= 10 && rest[0] == (byte)DataType.Structure && rest[1] is 2 or 3
            && rest[2] == (byte)DataType.OctetString && rest[3] == 6)
        {
            members = rest[1];
            code = ObisCode.FromBytes(rest.Slice(4, 6));
            _position += 10;
            return true;
        }

        code = default;
        members = 0;
        return false;
    }

    /// <summary>
    /// Reads a scaler_unit structure (<c>02 02 0F scaler 16 unit</c>) when one comes next; otherwise
    /// consumes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadScalerUnit(out ScalerUnit scalerUnit)
    {
        var rest = _data[_position..];
        if (rest.Length >= 6 && rest[0] == (byte)DataType.Structure && rest[1] == 2
            && rest[2] == (byte)DataType.Integer && rest[4] == (byte)DataType.Enum)
        {
            scalerUnit = new ScalerUnit((sbyte)rest[3], (CosemUnit)rest[5]);
            _position += 6;
            return true;
        }

        scalerUnit = default;
        return false;
    }

    /// <summary>Reads and discards one complete value, including every element of a container.</summary>
    public void SkipValue() => SkipValue(0);

    /// <summary>Reads an A-XDR length (<see cref="AxdrLength"/>) that must fit the data.</summary>
    private int ReadLength(ref int cursor)
    {
        var start = cursor;
        switch (AxdrLength.TryRead(_data, ref cursor, out var length))
        {
            case AxdrLengthStatus.Read when length <= int.MaxValue:
                return (int)length;
            case AxdrLengthStatus.Read:
                ThrowLengthBeyondFrame(start, length);
                return 0;
            case AxdrLengthStatus.End:
                throw Error(DecodeError.UnexpectedEnd, start, "expected a length, found the end of the data");
            case AxdrLengthStatus.BadPrefix:
                ThrowBadLengthPrefix(start, _data[start]);
                return 0;
            default:
                throw Error(DecodeError.UnexpectedEnd, start, "the length field is cut short");
        }
    }

    private void SkipValue(int depth)
    {
        if (depth > MaxDepth)
        {
            ThrowTooDeep(_position);
        }

        var element = Read();
        if (element.IsContainer)
        {
            for (var i = 0; i < element.Count; i++)
            {
                SkipValue(depth + 1);
            }
        }
    }

    private AxdrElement ReadCompactArray(int offset, int cursor)
    {
        // compact-array: a type description, then the packed contents as a length-prefixed octet string.
        SkipTypeDescription(ref cursor, 0);
        var byteCount = ReadLength(ref cursor);
        Need(cursor, byteCount, offset, DataType.CompactArray);
        _position = cursor + byteCount;
        return new AxdrElement(DataType.CompactArray, offset, cursor - offset, byteCount, _data.Slice(cursor, byteCount));
    }

    private void SkipTypeDescription(ref int cursor, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(DecodeError.NestingTooDeep, cursor, $"type description nested deeper than {MaxDepth} levels");
        }

        if (cursor >= _data.Length)
        {
            throw Error(DecodeError.UnexpectedEnd, cursor, "the compact-array type description is cut short");
        }

        var type = (DataType)_data[cursor++];
        switch (type)
        {
            case DataType.Array:
                // number-of-elements is an Unsigned16, then the element type.
                if (_data.Length - cursor < 2)
                {
                    throw Error(DecodeError.UnexpectedEnd, cursor, "the compact-array element count is cut short");
                }

                cursor += 2;
                SkipTypeDescription(ref cursor, depth + 1);
                break;
            case DataType.Structure:
                var count = ReadLength(ref cursor);
                if (count > _data.Length - cursor)
                {
                    throw Error(DecodeError.LengthOutOfRange, cursor, $"type description claims {count} members");
                }

                for (var i = 0; i < count; i++)
                {
                    SkipTypeDescription(ref cursor, depth + 1);
                }

                break;
            default:
                if (!DataTypeInfo.IsKnown(type))
                {
                    throw Error(DecodeError.UnknownDataType, cursor - 1, $"tag 0x{(byte)type:X2} in a type description");
                }

                break;
        }
    }

    private readonly void Need(int cursor, int count, int offset, DataType type)
    {
        if (_data.Length - cursor < count)
        {
            ThrowCutShort(offset, type, count, _data.Length - cursor);
        }
    }

    // The throw helpers keep message formatting out of the hot methods (so they stay small and need no
    // string-builder locals), in the manner of the BCL's ThrowHelper.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEndOfData(int offset) =>
        throw Error(DecodeError.UnexpectedEnd, offset, "expected a data element, found the end of the data");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownType(int offset, DataType type) =>
        throw Error(DecodeError.UnknownDataType, offset, $"tag 0x{(byte)type:X2} is not an A-XDR data type");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooManyElements(int offset, DataType type, int count, int remaining) =>
        throw Error(DecodeError.LengthOutOfRange, offset, $"{DataTypeInfo.Name(type)} claims {count} elements but only {remaining} bytes remain");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCutShort(int offset, DataType type, int count, int remaining) =>
        throw Error(DecodeError.UnexpectedEnd, offset, $"{DataTypeInfo.Name(type)} needs {count} bytes but only {remaining} remain");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadLengthPrefix(int offset, byte first) =>
        throw Error(DecodeError.LengthOutOfRange, offset, $"length prefix 0x{first:X2} is not 0x81-0x84");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthBeyondFrame(int offset, long length) =>
        throw Error(DecodeError.LengthOutOfRange, offset, $"length {length} is beyond any frame");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooDeep(int offset) =>
        throw Error(DecodeError.NestingTooDeep, offset, $"data nested deeper than {MaxDepth} levels");

    private static DecodeException Error(DecodeError error, int offset, string detail) =>
        new(DecodeLayer.Axdr, error, offset, detail);
}
