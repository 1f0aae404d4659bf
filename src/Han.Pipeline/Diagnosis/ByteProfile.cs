namespace Han.Pipeline.Diagnosis;

/// <summary>
/// Statistics of the raw bytes, for the guesses a diagnosis makes about the serial line: how many look
/// like a UART sampling at the wrong speed (long runs of equal bits: 00, FF, 80, C0, E0, F0, F8, FC, FE),
/// and how often the bytes that start every HAN frame appear.
/// </summary>
public sealed class ByteProfile
{
    private readonly long[] _counts = new long[256];

    public long Total { get; private set; }

    public long Count(byte value) => _counts[value];

    /// <summary>Share of bytes that a receiver at the wrong baud rate typically produces.</summary>
    public double WrongSpeedShare
    {
        get
        {
            long count = 0;
            foreach (var b in WrongSpeedBytes)
            {
                count += _counts[b];
            }

            return Total == 0 ? 0 : (double)count / Total;
        }
    }

    private static ReadOnlySpan<byte> WrongSpeedBytes => [0x00, 0xFF, 0x80, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC, 0xFE];

    public void Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _counts[b]++;
        }

        Total += bytes.Length;
    }
}
