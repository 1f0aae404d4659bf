namespace Han.Cli.Tests.Live;

/// <summary>A run of bytes han received that is one stretch of what the simulator sent: where it lies in han's stream and in the simulator's output.</summary>
internal readonly record struct Stretch(long HanOffset, long SentOffset, long Length)
{
    public long SentEnd => SentOffset + Length;

    /// <summary>Whether the simulator's bytes from <paramref name="start"/> to <paramref name="end"/> (exclusive) all arrived in this stretch.</summary>
    public bool Holds(long start, long end) => start >= SentOffset && end <= SentEnd;

    public bool Overlaps(long start, long end) => start < SentEnd && end > SentOffset;

    /// <summary>
    /// Finds each connection's bytes in what the simulator sent, each after the one before: whatever han
    /// received must be the simulator's bytes in order, with nothing changed or added; only gaps between
    /// connections are allowed (bytes a bridge held when it was killed, or a detection read).
    /// </summary>
    public static IReadOnlyList<Stretch> Locate(IReadOnlyList<byte[]> connections, byte[] sent)
    {
        var stretches = new List<Stretch>();
        long han = 0;
        var from = 0;
        for (var i = 0; i < connections.Count; i++)
        {
            var bytes = connections[i];
            if (bytes.Length == 0)
            {
                continue;
            }

            var at = sent.AsSpan(from).IndexOf(bytes);
            Assert.True(at >= 0, $"the {bytes.Length} bytes of connection {i + 1} are not one stretch of what the simulator sent after byte {from}");
            stretches.Add(new Stretch(han, from + at, bytes.Length));
            han += bytes.Length;
            from += at + bytes.Length;
        }

        return stretches;
    }
}
