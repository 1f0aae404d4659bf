namespace Han.Sources.HexText;

/// <summary>The caller's buffer as a <see cref="HexFormReader"/> fills it, one byte at a time.</summary>
internal ref struct ByteSink(Span<byte> bytes)
{
    private readonly Span<byte> _bytes = bytes;

    public int Written { get; private set; }

    public readonly bool IsFull => Written == _bytes.Length;

    public void Write(byte value) => _bytes[Written++] = value;

    /// <summary>Writes as many of <paramref name="values"/> as there is room for; returns how many.</summary>
    public int Write(ReadOnlySpan<byte> values)
    {
        var count = Math.Min(values.Length, _bytes.Length - Written);
        values[..count].CopyTo(_bytes[Written..]);
        Written += count;
        return count;
    }
}
