namespace Han.Protocol.P1;

/// <summary>
/// The value groups of one <see cref="P1Line"/>, in order: each <see cref="Current"/> is the text between
/// <c>(</c> and <c>)</c>. Allocation-free; use with <c>foreach</c>.
/// </summary>
public ref struct P1GroupEnumerator
{
    private readonly ReadOnlySpan<byte> _groups;
    private int _position;

    /// <summary>Over the part of a checked line that holds its groups (from the first <c>(</c>).</summary>
    internal P1GroupEnumerator(ReadOnlySpan<byte> groups)
    {
        _groups = groups;
        _position = 0;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly P1GroupEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        // The line was checked when it was found: every '(' has its ')', with only line breaks and
        // blanks between groups. Groups are short, so plain loops find their ends.
        var groups = _groups;
        var open = _position;
        while (open < groups.Length && groups[open] != '(')
        {
            open++;
        }

        if (open >= groups.Length)
        {
            _position = groups.Length;
            return false;
        }

        var start = open + 1;
        var close = start;
        while (close < groups.Length && groups[close] != ')')
        {
            close++;
        }

        Current = groups[start..close];
        _position = close + 1;
        return true;
    }
}
