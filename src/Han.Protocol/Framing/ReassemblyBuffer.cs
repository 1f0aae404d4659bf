namespace Han.Protocol.Framing;

/// <summary>
/// The growing buffer a segment assembler joins pieces in, with the cap above which a push is not a
/// meter talking. Reused from one APDU to the next: no allocation per piece once it has grown.
/// </summary>
internal sealed class ReassemblyBuffer(int initialCapacity, int maxLength)
{
    private byte[] _bytes = new byte[initialCapacity];
    private int _length;

    /// <summary>The bytes joined since the last <see cref="Clear"/>; valid until the next change.</summary>
    public ReadOnlySpan<byte> Contents => _bytes.AsSpan(0, _length);

    /// <summary>Appends <paramref name="data"/>, or returns false (appending nothing) when it would pass the cap.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > maxLength)
        {
            return false;
        }

        if (_length + data.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + data.Length));
        }

        data.CopyTo(_bytes.AsSpan(_length));
        _length += data.Length;
        return true;
    }

    public void Clear() => _length = 0;
}
