using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Han.TestCorpus;

/// <summary>
/// Siblings of real frames: the same capture with other values, its HDLC checksums and, for a ciphered
/// frame, its GCM tag computed afresh, so that a test shows a rule works on values no source sent.
/// Values are changed as hex text: each replaced run must occur exactly once.
/// </summary>
public static class SiblingFrames
{
    /// <summary>An HDLC stream (frames one after another, each with both flags) with a run of bytes replaced in one frame.</summary>
    public static byte[] Replace(byte[] stream, string oldHex, string newHex)
    {
        ArgumentNullException.ThrowIfNull(oldHex);
        ArgumentNullException.ThrowIfNull(newHex);
        if (oldHex.Length != newHex.Length)
        {
            throw new ArgumentException("A sibling keeps every length: the new bytes must be as many as the old.", nameof(newHex));
        }

        var frames = Split(stream);
        var hits = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var information = Convert.ToHexString(HdlcFrameBuilder.InformationOf(frames[i]));
            var at = IndexOfByte(information, oldHex);
            if (at < 0)
            {
                continue;
            }

            hits += 1 + (IndexOfByte(information[(at + 2)..], oldHex) >= 0 ? 1 : 0);
            var changed = information[..at] + newHex + information[(at + oldHex.Length)..];
            frames[i] = HdlcFrameBuilder.WithInformation(frames[i], Convert.FromHexString(changed));
        }

        if (hits != 1)
        {
            throw new ArgumentException($"'{oldHex}' occurs {hits} times in the frames' information fields; a sibling changes one place.", nameof(oldHex));
        }

        return [.. frames.SelectMany(frame => frame)];
    }

    /// <summary>
    /// A single HDLC frame whose information is LLC + general-glo-ciphering APDU: decrypted with the
    /// published keys, a run of the plaintext replaced, sealed again with a fresh tag and checksums.
    /// </summary>
    public static byte[] ReplaceCiphered(VectorCase vector, string oldHex, string newHex)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(oldHex);
        var frame = vector.Input;
        var information = HdlcFrameBuilder.InformationOf(frame);
        var apdu = information[HdlcFrameBuilder.LlcResponse.Length..];
        var key = Convert.FromHexString(vector.KeyHex ?? throw new ArgumentException("the case has no key", nameof(vector)));
        var authentication = Convert.FromHexString(vector.AuthKeyHex ?? new string('0', 32));
        var (security, title, counter, plaintext) = Open(apdu, key, authentication);
        var text = Convert.ToHexString(plaintext);
        var at = IndexOfByte(text, oldHex);
        if (at < 0 || IndexOfByte(text[(at + 2)..], oldHex) >= 0 || oldHex.Length != newHex.Length)
        {
            throw new ArgumentException($"'{oldHex}' must occur once in the plaintext and keep its length.", nameof(oldHex));
        }

        var changed = Convert.FromHexString(text[..at] + newHex + text[(at + oldHex.Length)..]);
        var sealedApdu = CipheredApduBuilder.Seal(security, title, counter, changed, key, authentication);
        return HdlcFrameBuilder.WithInformation(frame, [.. HdlcFrameBuilder.LlcResponse, .. sealedApdu]);
    }

    /// <summary>The frames of a stream of HDLC frames, each with both flags, found by their length fields.</summary>
    public static List<byte[]> Split(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frames = new List<byte[]>();
        var position = 0;
        while (position < stream.Length)
        {
            var length = ((stream[position + 1] & 0x07) << 8) | stream[position + 2];
            frames.Add(stream[position..(position + length + 2)]);
            position += length + 2;
        }

        return frames;
    }

    /// <summary>Decrypts a general-glo-ciphering APDU (tag DB) with AES-GCM, checking its tag when it has one.</summary>
    private static (byte Security, byte[] Title, uint Counter, byte[] Plaintext) Open(byte[] apdu, byte[] key, byte[] authentication)
    {
        var title = apdu[2..10];
        var position = 10;
        int length = apdu[position++];
        if (length > 0x80)
        {
            var bytes = length & 0x7F;
            length = 0;
            for (var i = 0; i < bytes; i++)
            {
                length = (length << 8) | apdu[position++];
            }
        }

        var security = apdu[position];
        var counter = BinaryPrimitives.ReadUInt32BigEndian(apdu.AsSpan(position + 1));
        var content = apdu[(position + 5)..(position + length)];
        var authenticated = (security & 0x10) != 0;
        var body = authenticated ? content[..^12] : content;
        var nonce = new byte[12];
        title.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), counter);
        var plaintext = new byte[body.Length];
        using var gcm = new AesGcm(key, 12);
        byte[] aad = [security, .. authentication];
        if (authenticated)
        {
            gcm.Decrypt(nonce, body, content[^12..], plaintext, aad);
        }
        else
        {
            // Without a tag GCM is CTR mode counting from 2: encrypting zeros gives the key stream.
            throw new NotSupportedException("Siblings of frames without an authentication tag are not built here.");
        }

        return (security, title, counter, plaintext);
    }

    /// <summary>The index of <paramref name="hex"/> in <paramref name="text"/> at a byte boundary, or -1.</summary>
    private static int IndexOfByte(string text, string hex)
    {
        for (var at = text.IndexOf(hex, StringComparison.Ordinal); at >= 0; at = text.IndexOf(hex, at + 1, StringComparison.Ordinal))
        {
            if (at % 2 == 0)
            {
                return at;
            }
        }

        return -1;
    }
}
