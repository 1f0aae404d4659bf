namespace Han.Protocol.Hdlc;

/// <summary>
/// The LLC sub-layer header that starts the information field (Green Book §8.3): destination LSAP 0xE6,
/// source LSAP 0xE6 (command) or 0xE7 (response, as in every HAN push), quality 0x00.
/// </summary>
public static class Llc
{
    public const int HeaderLength = 3;

    public static bool HasHeader(ReadOnlySpan<byte> data) =>
        data.Length >= HeaderLength && data[0] == 0xE6 && (data[1] | 1) == 0xE7 && data[2] == 0x00;

    /// <summary>The bytes after the LLC header, or <paramref name="data"/> unchanged when it has none.</summary>
    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> data) => HasHeader(data) ? data[HeaderLength..] : data;
}
