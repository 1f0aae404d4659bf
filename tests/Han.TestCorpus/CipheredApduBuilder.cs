using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Han.TestCorpus;

/// <summary>Builds general-glo-ciphering APDUs with the platform's AES-GCM, as a meter would.</summary>
public static class CipheredApduBuilder
{
    public static byte[] Seal(byte security, byte[] systemTitle, uint counter, byte[] plaintext, byte[] key, byte[] authenticationKey)
    {
        ArgumentNullException.ThrowIfNull(systemTitle);
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(authenticationKey);
        var encrypt = (security & 0x20) != 0;
        var authenticate = (security & 0x10) != 0;
        var nonce = new byte[12];
        systemTitle.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), counter);
        var tag = new byte[12];
        var body = new byte[plaintext.Length];
        using var gcm = new AesGcm(key, 12);
        byte[] aad = encrypt ? [security, .. authenticationKey] : [security, .. authenticationKey, .. plaintext];
        if (encrypt)
        {
            gcm.Encrypt(nonce, plaintext, body, tag, authenticate ? aad : null);
        }
        else
        {
            plaintext.CopyTo(body, 0);
            gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, aad);
        }

        byte[] content = authenticate ? [.. body, .. tag] : body;
        var length = 5 + content.Length;
        byte[] lengthBytes = length < 0x80 ? [(byte)length] : [0x82, (byte)(length >> 8), (byte)length];
        var counterBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
        return [0xDB, 0x08, .. systemTitle, .. lengthBytes, security, .. counterBytes, .. content];
    }
}
