namespace Han.Protocol.Dlms.Security;

/// <summary>
/// The global unicast encryption key (GUEK; Kamstrup calls it GPK60). A type of its own so it cannot
/// be passed where the authentication key belongs.
/// </summary>
public sealed class EncryptionKey : SecretKey
{
    private EncryptionKey(byte[] bytes)
        : base(bytes)
    {
    }

    public static EncryptionKey FromHex(string? hex) => new(ParseHex(hex, "--key"));

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong without repeating the value.</summary>
    public static bool TryFromHex(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EncryptionKey? key, out string error)
    {
        key = TryParseHex(hex, "--key", out var bytes, out error) ? new EncryptionKey(bytes) : null;
        return key is not null;
    }

    public static EncryptionKey FromBytes(ReadOnlySpan<byte> bytes) => new(Copy(bytes, "the encryption key"));
}
