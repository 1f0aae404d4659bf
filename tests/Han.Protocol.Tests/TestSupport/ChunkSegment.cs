using System.Buffers;

namespace Han.Protocol.Tests;

/// <summary>A segment of a hand-made multi-segment <see cref="ReadOnlySequence{T}"/>.</summary>
internal sealed class ChunkSegment : ReadOnlySequenceSegment<byte>
{
    private ChunkSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>
    /// Splits <paramref name="data"/> into segments whose sizes cycle through <paramref name="sizes"/>
    /// (0 makes an empty segment), so frames straddle segment boundaries.
    /// </summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, IReadOnlyList<int> sizes)
    {
        if (!sizes.Any(s => s > 0))
        {
            throw new ArgumentException("at least one segment size must be positive", nameof(sizes));
        }

        ChunkSegment? first = null;
        ChunkSegment? last = null;
        var position = 0;
        var index = 0;
        while (position < data.Length || first is null)
        {
            var size = Math.Min(sizes[index++ % sizes.Count], data.Length - position);
            var memory = data.Slice(position, size);
            position += size;
            if (last is null)
            {
                first = last = new ChunkSegment(memory, 0);
            }
            else
            {
                var next = new ChunkSegment(memory, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
        }

        return new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }
}
