using System.Buffers;

namespace Han.Pipeline;

/// <summary>
/// The bytes a live decoder holds between arrivals: the start of a frame that needs more. It grows to
/// the longest frame seen (a few KiB at most; the frame readers give up on longer ones) and is reused.
/// </summary>
internal sealed class HeldBytes
{
    private byte[] _buffer = new byte[4096];
    private int _length;

    public ReadOnlySequence<byte> Held => new(_buffer, 0, _length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length < _length + bytes.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes, which the decoder has used.</summary>
    public void Consume(int count)
    {
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
    }
}
