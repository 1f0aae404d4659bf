using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Readings.Lists;

/// <summary>
/// Reads the body of a data-notification as a list of <see cref="ListEntry"/>, whatever its
/// <see cref="ListShape"/>. The shape is recognised from the bytes, never from a vendor name, and
/// every element is checked, so an unexpected layout raises <see cref="DecodeException"/> (layer
/// profile) instead of being misread. Allocation-free.
/// </summary>
public ref struct PushListReader
{
    /// <summary>Leading non-OBIS elements allowed before OBIS/value pairs (Kamstrup sends its list id there).</summary>
    private const int MaxPairHeader = 2;

    private readonly ReadOnlySpan<byte> _body;
    private AxdrReader _reader;
    private int _next;

    public PushListReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        _reader = new AxdrReader(body);
        var probe = _reader;
        var root = probe.Read();
        if (!root.IsContainer)
        {
            // A lone value: a one-element positional list.
            Shape = ListShape.BareValues;
            Count = 1;
            return;
        }

        _reader = probe;
        Count = root.Count;
        if (Count > 0 && _reader.PeekType() == DataType.Structure)
        {
            Shape = ListShape.ObjectStructures;
        }
        else if (root.Type == DataType.Structure && IsPairList(_reader, Count, out var header))
        {
            Shape = ListShape.ObisValuePairs;
            HeaderElements = header;
        }
        else
        {
            Shape = ListShape.BareValues;
        }
    }

    public ListShape Shape { get; }

    /// <summary>Elements in the root container.</summary>
    public int Count { get; }

    /// <summary>For <see cref="ListShape.ObisValuePairs"/>: elements before the first pair.</summary>
    public int HeaderElements { get; }

    /// <summary>Reads the next entry; false at the end of the list. Placeholder pairs (null, null) are skipped.</summary>
    public bool TryRead(out ListEntry entry)
    {
        entry = default;
        while (_next < Count)
        {
            var index = _next;
            switch (Shape)
            {
                case ListShape.ObjectStructures:
                    _next++;
                    entry = ReadObjectStructure(index);
                    return true;
                case ListShape.ObisValuePairs when index >= HeaderElements:
                    _next += 2;
                    if (TryReadPair(index, out entry))
                    {
                        return true;
                    }

                    continue;
                default:
                    _next++;
                    entry = ReadValue(index, null, null);
                    return true;
            }
        }

        if (!_reader.IsAtEnd)
        {
            ThrowTrailingBytes(_reader.Position, _reader.Remaining);
        }

        return false;
    }

    private ListEntry ReadObjectStructure(int index)
    {
        var structure = _reader.Read();
        if (structure.Type != DataType.Structure || structure.Count is < 2 or > 3)
        {
            ThrowNotAnObject(index, structure.Offset, structure.Type, structure.Count);
        }

        if (!_reader.TryReadObisCode(out var code))
        {
            ThrowNoObisCode(index);
        }

        var valueStart = _reader.Position;
        var value = ReadWholeValue();
        var encoded = _body[valueStart.._reader.Position];
        ScalerUnit? scaling = null;
        if (structure.Count == 3)
        {
            if (!_reader.TryReadScalerUnit(out var scalerUnit))
            {
                ThrowBadScalerUnit(index);
            }

            scaling = scalerUnit;
        }

        return new ListEntry(index, code, value, encoded, scaling);
    }

    private bool TryReadPair(int index, out ListEntry entry)
    {
        if (_reader.TryReadObisCode(out var code))
        {
            entry = ReadValue(index + 1, code, null);
            return true;
        }

        // Kamstrup single-phase meters keep the three-phase layout with null placeholders (norway-lists.md §5).
        var key = _reader.Read();
        var value = _reader.Read();
        if (key.Type != DataType.NullData || value.Type != DataType.NullData)
        {
            ThrowBadPair(index, key.Offset, key.Type, key.Count, value.Type);
        }

        entry = default;
        return false;
    }

    private ListEntry ReadValue(int index, ObisCode? code, ScalerUnit? scaling)
    {
        var valueStart = _reader.Position;
        var value = ReadWholeValue();
        return new ListEntry(index, code, value, _body[valueStart.._reader.Position], scaling);
    }

    /// <summary>Reads one value; for a container also skips its elements, so the reader stands after it.</summary>
    private AxdrElement ReadWholeValue()
    {
        var value = _reader.Read();
        if (value.IsContainer)
        {
            for (var i = 0; i < value.Count; i++)
            {
                _reader.SkipValue();
            }
        }

        return value;
    }

    /// <summary>
    /// True when, after at most <see cref="MaxPairHeader"/> leading values, an OBIS octet-string is
    /// followed by a value and then another OBIS code (or a null placeholder), and the pairs come out
    /// even. The remaining keys are checked as they are read.
    /// </summary>
    private static bool IsPairList(AxdrReader reader, int count, out int header)
    {
        header = 0;
        try
        {
            for (var i = 0; i <= MaxPairHeader && i < count; i++)
            {
                var probe = reader;
                if (probe.Read().IsObisCode)
                {
                    header = i;
                    return (count - i) % 2 == 0 && (count - i == 2 || IsSecondKey(probe));
                }

                reader.SkipValue();
            }

            return false;
        }
        catch (DecodeException)
        {
            // Malformed data is reported by the real read that follows, with its own offset.
            return false;
        }

        static bool IsSecondKey(AxdrReader afterFirstKey)
        {
            afterFirstKey.SkipValue();
            var key = afterFirstKey.Read();
            return key.IsObisCode || key.Type == DataType.NullData;
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailingBytes(int offset, int count) =>
        throw Problem(DecodeError.TrailingBytes, offset, $"{count} bytes follow the end of the list");

    // Slow paths, kept out of the per-element methods (their messages need formatting).
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotAnObject(int index, int offset, DataType type, int count) =>
        throw Problem(DecodeError.UnexpectedElement, offset, $"list element {index} is a {DataTypeInfo.Name(type)} of {count}; expected a structure of OBIS code, value and optional scaler_unit");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowNoObisCode(int index)
    {
        var wrong = _reader;
        var element = wrong.Read();
        throw Problem(DecodeError.UnexpectedElement, element.Offset, $"list element {index} starts with a {DataTypeInfo.Name(element.Type)} of {element.Count} bytes; expected a 6-byte OBIS code");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowBadScalerUnit(int index)
    {
        var wrong = _reader;
        var structure = wrong.Read();
        if (structure.Type != DataType.Structure || structure.Count != 2)
        {
            throw Problem(DecodeError.UnexpectedElement, structure.Offset, $"list element {index}: the third member is a {DataTypeInfo.Name(structure.Type)}; expected scaler_unit {{integer, enum}}");
        }

        var scaler = wrong.Read();
        var unit = wrong.Read();
        throw Problem(DecodeError.UnexpectedElement, scaler.Offset, $"list element {index}: scaler_unit holds {DataTypeInfo.Name(scaler.Type)} and {DataTypeInfo.Name(unit.Type)}; expected integer and enum");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadPair(int index, int offset, DataType key, int keyLength, DataType value) =>
        throw Problem(
            DecodeError.UnexpectedElement,
            offset,
            key == DataType.NullData
                ? $"list element {index + 1} is a {DataTypeInfo.Name(value)} without an OBIS code"
                : $"list element {index} is a {DataTypeInfo.Name(key)} of {keyLength} bytes where an OBIS code should be");

    private static DecodeException Problem(DecodeError error, int offset, string detail) =>
        new(DecodeLayer.Profile, error, offset, detail);
}
