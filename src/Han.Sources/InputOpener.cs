using Han.Protocol;

namespace Han.Sources;

/// <summary>
/// Opens a file or stdin and works out whether it holds raw bytes or hex text, from the bytes
/// themselves: text that is only hex digits and whitespace is hex; anything else is binary (an HDLC
/// stream starts with 0x7E, which is not a hex digit).
/// </summary>
public static class InputOpener
{
    /// <summary>How many leading bytes decide the encoding.</summary>
    public const int SampleLength = 4096;

    /// <summary>The bytes <paramref name="raw"/> holds: as they are, or decoded from hex text.</summary>
    public static async Task<Stream> OpenAsync(Stream raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var sample = new byte[SampleLength];
        var length = 0;
        while (length < sample.Length)
        {
            var read = await raw.ReadAsync(sample.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var replay = new PrefixedStream(sample.AsMemory(0, length), raw);
        return LooksLikeHex(sample.AsSpan(0, length))
            ? new HexTextStream(replay)
            : replay;
    }

    /// <summary>
    /// True when at least 95% of the sample is hex digits or whitespace (and there are two digits):
    /// a stray character in a hex file is then reported where it stands instead of turning the whole file
    /// into "binary". Real binary captures are far from it (about 10% of random bytes qualify).
    /// </summary>
    public static bool LooksLikeHex(ReadOnlySpan<byte> sample)
    {
        var digits = 0;
        var other = 0;
        foreach (var b in sample)
        {
            if (HexDigit.ValueOf(b) >= 0)
            {
                digits++;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                other++;
            }
        }

        return digits >= 2 && other * 20 <= sample.Length;
    }
}
