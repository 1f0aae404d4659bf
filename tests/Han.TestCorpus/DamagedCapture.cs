namespace Han.TestCorpus;

/// <summary>
/// Builds byte streams out of real frames with the damage seen on real lines: frames with a bad FCS,
/// frames cut short, and random bytes between frames. Records which frames stayed intact.
/// </summary>
public sealed class DamagedCapture
{
    private readonly List<byte> _bytes = [];
    private readonly List<int> _intactFrameIndexes = [];

    public IReadOnlyList<byte> Bytes => _bytes;

    /// <summary>Indexes (into the frames that were added) of the frames that were not damaged.</summary>
    public IReadOnlyList<int> IntactFrameIndexes => _intactFrameIndexes;

    public int FrameCount { get; private set; }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>
    /// Adds <paramref name="count"/> frames cycling through <paramref name="frames"/>. Every
    /// <paramref name="badFcsEvery"/>-th frame gets one byte of its FCS changed; every
    /// <paramref name="cutShortEvery"/>-th (offset by half that period) loses its tail; after each frame
    /// come <paramref name="minGarbage"/>..<paramref name="maxGarbage"/> random bytes. 0 disables a kind.
    /// </summary>
    public static DamagedCapture Build(
        IReadOnlyList<byte[]> frames,
        int count,
        int badFcsEvery,
        int cutShortEvery,
        int minGarbage,
        int maxGarbage,
        int seed)
    {
        var random = new Random(seed);
        var stream = new DamagedCapture();
        for (var i = 0; i < count; i++)
        {
            var frame = (byte[])frames[i % frames.Count].Clone();
            var ordinal = i + 1;
            if (badFcsEvery > 0 && ordinal % badFcsEvery == 0)
            {
                // Second-to-last and third-to-last bytes are the FCS; change one so it cannot match.
                frame[frame.Length - 2 - random.Next(2)] ^= (byte)(1 + random.Next(255));
            }
            else if (cutShortEvery > 0 && (ordinal + (cutShortEvery / 2)) % cutShortEvery == 0)
            {
                // Lose at least the closing flag and the last FCS byte (without the flag alone it would still
                // be a good frame: the next frame's opening flag may close it), keeping flag and format.
                frame = frame[..random.Next(3, frame.Length - 1)];
            }
            else
            {
                stream._intactFrameIndexes.Add(i);
            }

            stream._bytes.AddRange(frame);
            stream.FrameCount++;
            var garbage = maxGarbage > 0 ? random.Next(minGarbage, maxGarbage + 1) : 0;
            for (var g = 0; g < garbage; g++)
            {
                stream._bytes.Add((byte)random.Next(256));
            }
        }

        return stream;
    }
}
