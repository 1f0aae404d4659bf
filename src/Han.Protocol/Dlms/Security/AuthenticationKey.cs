namespace Han.Protocol.Dlms.Security;

/// <summary>
/// The global authentication key (GAK; Kamstrup GPK61; fixed <c>00112233445566778899AABBCCDDEEFF</c>
/// in Luxembourg). Authenticates the frame through the GCM tag.
/// </summary>
public sealed class AuthenticationKey : SecretKey
{
    private AuthenticationKey(byte[] bytes)
        : base(bytes)
    {
    }

    public static AuthenticationKey FromHex(string? hex) => new(ParseHex(hex, "--auth-key"));

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong without repeating the value.</summary>
    public static bool TryFromHex(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuthenticationKey? key, out string error)
    {
        key = TryParseHex(hex, "--auth-key", out var bytes, out error) ? new AuthenticationKey(bytes) : null;
        return key is not null;
    }

    public static AuthenticationKey FromBytes(ReadOnlySpan<byte> bytes) => new(Copy(bytes, "the authentication key"));
}
