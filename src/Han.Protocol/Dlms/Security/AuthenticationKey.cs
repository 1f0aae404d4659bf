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

    public static AuthenticationKey FromBytes(ReadOnlySpan<byte> bytes) => new(Copy(bytes, "the authentication key"));
}
