using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Readings.Lists;

/// <summary>
/// Reads the body of a data-notification as a list of <see cref="ListEntry"/>, whatever its
/// <see cref="ListShape"/>. The shape is recognised from the bytes, never from a vendor name: an OBIS
/// code among the first elements makes the list <see cref="ListShape.Named"/>, a leading push object
/// list makes it <see cref="ListShape.SelfDescribed"/>, anything else is <see cref="ListShape.Positional"/>.
/// Every element is checked, so a malformed list raises <see cref="DecodeException"/> instead of being
/// misread. Allocation-free.
/// </summary>
public ref struct PushListReader
{
    /// <summary>Leading unnamed elements that may come before the first OBIS code (a list id, a clock).</summary>
    private const int MaxLeadingUnnamed = 2;

    /// <summary>Class id of a Push setup object (Blue Book class 40): its own attributes are not readings.</summary>
    private const int PushSetupClassId = 40;

    private readonly ReadOnlySpan<byte> _body;
    private AxdrReader _reader;
    private AxdrReader _descriptors;
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
            Shape = ListShape.Positional;
            Count = 1;
            return;
        }

        if (CompactDescriptorList.TryRecognise(body, out var compactCount, out _))
        {
            // Past the root structure, its leading enum and the array head: on the first descriptor.
            probe.Read();
            probe.Read();
            _reader = probe;
            Shape = ListShape.CompactDescribed;
            Count = compactCount;
            return;
        }

        _reader = probe;
        Count = root.Count;
        if (Count > 0 && _reader.PeekType() == DataType.Array && IsObjectList(_reader, out _descriptors))
        {
            Shape = ListShape.SelfDescribed;
        }
        else
        {
            Shape = HasObisNames(_reader, Count) ? ListShape.Named : ListShape.Positional;
        }
    }

    public ListShape Shape { get; }

    /// <summary>Elements in the root container.</summary>
    public int Count { get; }

    /// <summary>Reads the next entry; false at the end of the list. Placeholder pairs (null, null) are skipped.</summary>
    public bool TryRead(out ListEntry entry)
    {
        while (_next < Count)
        {
            var index = _next;
            if (Shape == ListShape.Named)
            {
                if (TryReadNamed(index, out entry))
                {
                    return true;
                }
            }
            else if (Shape == ListShape.SelfDescribed)
            {
                if (TryReadDescribed(index, out entry))
                {
                    return true;
                }
            }
            else if (Shape == ListShape.CompactDescribed)
            {
                return ReadCompact(index, out entry);
            }
            else
            {
                return ReadUnnamed(index, out entry);
            }
        }

        if (!_reader.IsAtEnd)
        {
            ThrowTrailingBytes(_reader.Position, _reader.Remaining);
        }

        entry = default;
        return false;
    }

    // The two common cases are recognised from their first bytes and read by small methods: a large
    // method pays for zeroing its many span locals on every call, and this runs once per value.
    private bool TryReadNamed(int index, out ListEntry entry)
    {
        var remaining = Count - index;
        if (remaining >= 2 && _reader.TryReadObisCode(out var code))
        {
            ReadFlatRun(index, code, remaining, out entry);
            return true;
        }

        if (_reader.TryReadObjectHead(out var named, out var members))
        {
            _next++;
            entry = ReadObjectValue(index, named, members == 3);
            return true;
        }

        return TryReadOther(index, remaining, out entry);
    }

    /// <summary>OBIS, value, and a scaler_unit when one follows; the OBIS code is already read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReadFlatRun(int index, ObisCode code, int remaining, out ListEntry entry)
    {
        _next += 2;
        var valueStart = _reader.Position;
        var value = ReadWholeValue();
        var encoded = _body[valueStart.._reader.Position];
        ScalerUnit? scaling = null;
        if (remaining >= 3 && _reader.TryReadScalerUnit(out var scalerUnit))
        {
            _next++;
            scaling = scalerUnit;
        }

        entry = new ListEntry(index + 1, code, value, encoded, scaling);
    }

    /// <summary>Null placeholders (skipped) or an unnamed value.</summary>
    private bool TryReadOther(int index, int remaining, out ListEntry entry)
    {
        if (remaining >= 2 && _reader.PeekType() == DataType.NullData)
        {
            var probe = _reader;
            probe.Read();
            if (!probe.IsAtEnd && probe.PeekType() == DataType.NullData)
            {
                // Kamstrup single-phase meters keep the three-phase layout with null placeholders (norway-lists.md §5).
                probe.Read();
                _reader = probe;
                _next += 2;
                entry = default;
                return false;
            }
        }

        return ReadUnnamed(index, out entry);
    }

    private bool TryReadDescribed(int index, out ListEntry entry)
    {
        var described = TryReadDescriptor(out var code, out var classId, out var attribute);
        if (index == 0)
        {
            // The push object list itself.
            _reader.SkipValue();
            _next++;
            entry = default;
            return false;
        }

        // Attribute 2 is an object's value; the push setup's own attributes and other attributes are not readings.
        if (!described || attribute != 2 || classId == PushSetupClassId)
        {
            return ReadUnnamed(index, out entry);
        }

        _next++;
        entry = ReadValue(index, code, null);
        return true;
    }

    /// <summary>One element of a compact-descriptor list: its value is named when it is attribute 2 of an object that is not a push setup.</summary>
    private bool ReadCompact(int index, out ListEntry entry)
    {
        if (!_reader.TryReadCompactDescriptor(out var classId, out var code, out var attribute))
        {
            ThrowBadCompactDescriptor(_reader.Position);
        }

        if (attribute != 2 || classId == PushSetupClassId)
        {
            return ReadUnnamed(index, out entry);
        }

        _next++;
        entry = ReadValue(index, code, null);
        return true;
    }

    private bool ReadUnnamed(int index, out ListEntry entry)
    {
        _next++;
        entry = ReadValue(index, null, null);
        return true;
    }

    private ListEntry ReadObjectValue(int index, ObisCode code, bool hasScalerUnit)
    {
        var valueStart = _reader.Position;
        var value = ReadWholeValue();
        var encoded = _body[valueStart.._reader.Position];
        ScalerUnit? scaling = null;
        if (hasScalerUnit)
        {
            if (!_reader.TryReadScalerUnit(out var scalerUnit))
            {
                ThrowBadScalerUnit(index);
            }

            scaling = scalerUnit;
        }

        return new ListEntry(index, code, value, encoded, scaling);
    }

    private ListEntry ReadValue(int index, ObisCode? code, ScalerUnit? scaling)
    {
        var valueStart = _reader.Position;
        var value = ReadWholeValue();
        return new ListEntry(index, code, value, _body[valueStart.._reader.Position], scaling);
    }

    /// <summary>Reads one value; for a container also skips its elements, so the reader stands after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    private bool TryReadDescriptor(out ObisCode code, out int classId, out int attribute)
    {
        code = default;
        classId = 0;
        attribute = 0;
        if (_descriptors.IsAtEnd)
        {
            return false;
        }

        var structure = _descriptors.Read();
        if (structure.Type != DataType.Structure || structure.Count != 4)
        {
            ThrowBadDescriptor(structure.Offset);
        }

        var classElement = _descriptors.Read();
        var valid = classElement.TryGetInt64(out var classValue) & _descriptors.TryReadObisCode(out code);
        var attributeElement = _descriptors.Read();
        valid &= attributeElement.TryGetInt64(out var attributeValue);
        _descriptors.SkipValue();
        if (!valid)
        {
            ThrowBadDescriptor(structure.Offset);
        }

        classId = (int)classValue;
        attribute = (int)attributeValue;
        return true;
    }

    /// <summary>
    /// True when the first element is a push object list: an array whose first element is a
    /// <c>{long-unsigned class, OBIS, integer attribute, long-unsigned index}</c> structure.
    /// <paramref name="descriptors"/> is then positioned at that first descriptor.
    /// </summary>
    private static bool IsObjectList(AxdrReader reader, out AxdrReader descriptors)
    {
        descriptors = default;
        try
        {
            var array = reader.Read();
            if (array.Type != DataType.Array || array.Count == 0)
            {
                return false;
            }

            descriptors = reader;
            var first = reader.Read();
            return first.Type == DataType.Structure && first.Count == 4
                && reader.Read().Type == DataType.LongUnsigned
                && reader.TryReadObisCode(out _)
                && reader.Read().Type == DataType.Integer
                && reader.Read().Type == DataType.LongUnsigned;
        }
        catch (DecodeException)
        {
            // Malformed data is reported by the real read that follows, with its own offset.
            return false;
        }
    }

    /// <summary>True when one of the first elements names an object: an OBIS octet-string, or a structure starting with one.</summary>
    private static bool HasObisNames(AxdrReader reader, int count)
    {
        try
        {
            return ScanForObisNames(reader, count);
        }
        catch (DecodeException)
        {
            // Malformed data is reported by the real read that follows, with its own offset.
            return false;
        }
    }

    private static bool ScanForObisNames(AxdrReader reader, int count)
    {
        for (var i = 0; i <= MaxLeadingUnnamed && i < count; i++)
        {
            var probe = reader;
            if (probe.TryReadObisCode(out _) || probe.TryReadObjectHead(out _, out _))
            {
                return true;
            }

            reader.SkipValue();
        }

        return false;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailingBytes(int offset, int count) =>
        throw Problem(DecodeError.TrailingBytes, offset, $"{count} bytes follow the end of the list");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadCompactDescriptor(int offset) =>
        throw Problem(DecodeError.UnexpectedElement, offset, "an element of the compact-descriptor list does not start with structure(2), class id, OBIS code and attribute");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadDescriptor(int offset) =>
        throw Problem(DecodeError.UnexpectedElement, offset, "an entry of the push object list is not {class, OBIS code, attribute, index}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowBadScalerUnit(int index)
    {
        var wrong = _reader;
        var structure = wrong.Read();
        throw Problem(DecodeError.UnexpectedElement, structure.Offset, $"list element {index}: the third member is a {DataTypeInfo.Name(structure.Type)}; expected scaler_unit {{integer, enum}}");
    }

    private static DecodeException Problem(DecodeError error, int offset, string detail) =>
        new(DecodeLayer.Profile, error, offset, detail);
}
