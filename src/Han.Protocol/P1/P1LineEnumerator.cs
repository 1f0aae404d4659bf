using Han.Protocol.Cosem;

namespace Han.Protocol.P1;

/// <summary>
/// The data lines of a telegram, in order, allocation-free (use with <c>foreach</c>, or call
/// <see cref="MoveNext"/> directly to read <see cref="MalformedLines"/> afterwards).
/// <para>
/// Malformed lines are skipped and counted, never raised: a telegram is line-oriented and every line
/// names itself, so one bad line (no OBIS reference, an unbalanced parenthesis, text after the last
/// group) casts no doubt on the others, and the checksum has already vouched for the bytes. Blank lines
/// are not malformed (DSMR puts one after the identification). A line that starts with <c>(</c> continues
/// the object before it (DSMR 2.2 writes the gas reading on its own line); with no object before it, it
/// is malformed.
/// </para>
/// </summary>
public ref struct P1LineEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _offset;
    private int _position;

    /// <summary>Over the data block of a telegram (after the identification line, before <c>!</c>).</summary>
    internal P1LineEnumerator(ReadOnlySpan<byte> data, long offset)
    {
        _data = data;
        _offset = offset;
        _position = 0;
        Current = default;
        MalformedLines = 0;
        FirstMalformedOffset = -1;
    }

    public P1Line Current { get; private set; }

    /// <summary>How many lines were skipped as malformed so far.</summary>
    public int MalformedLines { get; private set; }

    /// <summary>Stream offset of the first malformed line, or -1.</summary>
    public long FirstMalformedOffset { get; private set; }

    public readonly P1LineEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var data = _data;
        var start = _position;
        while (start < data.Length)
        {
            var b = data[start];
            if (b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
            {
                start++;
                continue;
            }

            if (TryReadObject(data, start, out var end, out var referenceLength, out var code, out var groupCount))
            {
                Current = new P1Line(data[start..end], referenceLength, code, _offset + start, groupCount);
                _position = end;
                return true;
            }

            if (MalformedLines++ == 0)
            {
                FirstMalformedOffset = _offset + start;
            }

            var lineFeed = data[start..].IndexOf((byte)'\n');
            start = lineFeed < 0 ? data.Length : start + lineFeed + 1;
        }

        _position = data.Length;
        Current = default;
        return false;
    }

    /// <summary>
    /// Reads <c>reference(group)(group)...</c> from <paramref name="start"/>; groups may be separated by
    /// blanks, or by one line break when the next line starts with <c>(</c>. <paramref name="end"/> is
    /// just after the last <c>)</c>. One pass over the bytes: groups are short, so a plain loop beats a
    /// vectorized search started afresh for each.
    /// </summary>
    private static bool TryReadObject(ReadOnlySpan<byte> data, int start, out int end, out int referenceLength, out ObisCode code, out int groupCount)
    {
        end = start;
        groupCount = 0;

        // The reference runs up to the first '(' (a line break or anything else there makes it malformed).
        referenceLength = P1Reference.ReadPrefix(data[start..], out code);
        var i = start + referenceLength;
        if (referenceLength <= 0 || i == data.Length || data[i] != '(')
        {
            return false;
        }

        while (true)
        {
            // data[i] is '('; the group ends at the first ')', and may hold no '(', CR or LF.
            i++;
            while (i < data.Length && !IsGroupBreak(data[i]))
            {
                i++;
            }

            if (i == data.Length || data[i] != ')')
            {
                return false;
            }

            groupCount++;
            i++;
            end = i;
            var next = SkipBlanks(data, i);
            if (next < data.Length && data[next] == '(')
            {
                i = next;
                continue;
            }

            if (next == data.Length)
            {
                return true;
            }

            if (data[next] is not ((byte)'\r' or (byte)'\n'))
            {
                return false;
            }

            // One line break; the object goes on when the next line opens a group.
            var afterBreak = next + (data[next] == '\r' ? 1 : 0);
            afterBreak += afterBreak < data.Length && data[afterBreak] == '\n' ? 1 : 0;
            if (afterBreak < data.Length && data[afterBreak] == '(')
            {
                i = afterBreak;
                continue;
            }

            return true;
        }
    }

    /// <summary>True for the bytes that end a group's contents: <c>)</c>, <c>(</c>, CR and LF (one bit test).</summary>
    private static bool IsGroupBreak(byte b) =>
        b <= ')' && ((1UL << b) & ((1UL << ')') | (1UL << '(') | (1UL << '\r') | (1UL << '\n'))) != 0;

    private static int SkipBlanks(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i;
    }
}
