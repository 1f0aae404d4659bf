namespace Han.Sources.HexText;

/// <summary>
/// The bytes of the dump line being read, and where its groups of digits end: what a <c>*</c> repeats
/// and what the character column is checked against. Kept for lines of up to <see cref="MaxBytes"/>
/// bytes (xxd writes at most 256); a longer line (<c>od -w1024</c>) is read all the same, only not kept.
/// </summary>
internal sealed class DumpLine
{
    public const int MaxBytes = 256;

    private readonly byte[] _bytes = new byte[MaxBytes];
    private readonly int[] _groupEnds = new int[MaxBytes];
    private int _groups;

    /// <summary>How many bytes the line has so far.</summary>
    public long Length { get; private set; }

    /// <summary>True when every byte of the line is kept.</summary>
    public bool IsKept => Length <= MaxBytes;

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, (int)Math.Min(Length, MaxBytes));

    /// <summary>The index after each group's last byte, in order.</summary>
    public ReadOnlySpan<int> GroupEnds => _groupEnds.AsSpan(0, _groups);

    public void Add(byte value)
    {
        if (Length < MaxBytes)
        {
            _bytes[Length] = value;
        }

        Length++;
    }

    public void EndGroup()
    {
        if (IsKept && (_groups == 0 || _groupEnds[_groups - 1] < Length))
        {
            _groupEnds[_groups++] = (int)Length;
        }
    }

    public void Clear()
    {
        Length = 0;
        _groups = 0;
    }
}
