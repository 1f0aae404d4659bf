using Han.Protocol.Cosem;

namespace Han.Protocol.P1;

/// <summary>
/// One data object of a telegram: an OBIS reference and its value groups, <c>1-0:1.8.1(001581.123*kWh)</c>
/// or <c>0-1:24.2.1(161129200000W)(00981.443*m3)</c>. A view into the telegram; the groups are read
/// with <see cref="Groups"/>, <see cref="TryGetGroup"/> and the <see cref="P1Value"/> readers.
/// An object may continue on following lines that start with <c>(</c> (DSMR 2.2's gas reading).
/// </summary>
public readonly ref struct P1Line
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly int _referenceLength;

    internal P1Line(ReadOnlySpan<byte> text, int referenceLength, ObisCode obis, long offset, int groupCount)
    {
        _text = text;
        _referenceLength = referenceLength;
        Obis = obis;
        Offset = offset;
        GroupCount = groupCount;
    }

    /// <summary>The OBIS code; group F is 255 when the line leaves it out, as DSMR does.</summary>
    public ObisCode Obis { get; }

    /// <summary>Stream offset of the line's first byte.</summary>
    public long Offset { get; }

    /// <summary>The whole object as written, from the reference through the last <c>)</c>.</summary>
    public ReadOnlySpan<byte> Text => _text;

    /// <summary>The OBIS reference as written (<c>1-0:1.8.1</c>).</summary>
    public ReadOnlySpan<byte> Reference => _text[.._referenceLength];

    /// <summary>The groups as written, parentheses included (may span lines).</summary>
    public ReadOnlySpan<byte> RawGroups => _text[_referenceLength..];

    public int GroupCount { get; }

    public P1GroupEnumerator Groups => new(RawGroups);

    /// <summary>The contents of group <paramref name="index"/> (0-based), without its parentheses.</summary>
    public bool TryGetGroup(int index, out ReadOnlySpan<byte> group)
    {
        group = default;
        if (index < 0 || index >= GroupCount)
        {
            return false;
        }

        if (GroupCount == 1)
        {
            // The line was checked when it was found: one group is all between the '(' after the
            // reference and the ')' that ends the line.
            group = _text[(_referenceLength + 1)..^1];
            return true;
        }

        var groups = Groups;
        for (var i = 0; i <= index; i++)
        {
            groups.MoveNext();
        }

        group = groups.Current;
        return true;
    }

    /// <summary>Group <paramref name="index"/> as a number with its unit (<c>(123456.789*kWh)</c>).</summary>
    public bool TryGetNumber(int index, out P1Number number)
    {
        number = default;
        return TryGetGroup(index, out var group) && P1Value.TryParseNumber(group, out number);
    }

    /// <summary>Group <paramref name="index"/> as a timestamp (<c>(101209113020W)</c>).</summary>
    public bool TryGetTimestamp(int index, out P1Timestamp timestamp)
    {
        timestamp = default;
        return TryGetGroup(index, out var group) && P1Value.TryParseTimestamp(group, out timestamp);
    }

    public override string ToString() => System.Text.Encoding.ASCII.GetString(_text);
}
