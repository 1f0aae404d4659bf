using System.Buffers.Binary;
using System.Security.Cryptography;
using Han.Protocol.Dlms;
using Han.Protocol.Dlms.Security;

namespace Han.Simulation.Encoding;

/// <summary>
/// Seals APDUs as general-glo-ciphering (protocol.md §4.3): <c>DB | 08 system title | length | SC | IC |
/// ciphertext [| tag]</c> with AES-128-GCM, IV = system title ‖ invocation counter. With an
/// authentication key the security control is 0x30 (authenticated and encrypted, AAD = SC ‖ AK, a
/// 12-byte tag); without one 0x20 (encrypted only, no tag), as Netz NÖ's meters send. The counter
/// goes up by one for every APDU sealed, so a decoder never sees a counter twice.
/// </summary>
public sealed class GlobalCiphering : IDisposable
{
    private const byte EncryptedOnly = 0x20;
    private const byte AuthenticatedAndEncrypted = 0x30;

    private readonly AesGcm _gcm;
    private readonly byte[] _systemTitle;
    private readonly byte[]? _authenticationKey;

    public GlobalCiphering(EncryptionKey key, AuthenticationKey? authenticationKey, ReadOnlySpan<byte> systemTitle, uint firstCounter)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (systemTitle.Length != 8)
        {
            throw new ArgumentException($"a system title has 8 bytes, not {systemTitle.Length}", nameof(systemTitle));
        }

        _gcm = new AesGcm(key.Bytes, CipheredApdu.TagLength);
        _systemTitle = systemTitle.ToArray();
        _authenticationKey = authenticationKey?.Bytes.ToArray();
        NextCounter = firstCounter;
    }

    /// <summary>The invocation counter the next sealed APDU gets.</summary>
    public uint NextCounter { get; private set; }

    public byte[] Seal(ReadOnlySpan<byte> apdu)
    {
        var security = _authenticationKey is null ? EncryptedOnly : AuthenticatedAndEncrypted;
        var tagLength = _authenticationKey is null ? 0 : CipheredApdu.TagLength;
        var counter = NextCounter++;
        Span<byte> nonce = stackalloc byte[12];
        _systemTitle.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], counter);
        var ciphertext = new byte[apdu.Length];
        var tag = new byte[CipheredApdu.TagLength];
        byte[]? aad = _authenticationKey is null ? null : [security, .. _authenticationKey];

        // Without a tag GCM is its counter mode: the ciphertext is the same, the tag is left off.
        _gcm.Encrypt(nonce, apdu, ciphertext, tag, aad);

        var writer = new AxdrWriter()
            .Byte((byte)ApduTag.GeneralGloCiphering)
            .Length(_systemTitle.Length).Raw(_systemTitle)
            .Length(5 + ciphertext.Length + tagLength)
            .Byte(security);
        Span<byte> counterBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
        writer.Raw(counterBytes).Raw(ciphertext);
        if (tagLength > 0)
        {
            writer.Raw(tag);
        }

        return writer.ToArray();
    }

    public void Dispose() => _gcm.Dispose();
}
