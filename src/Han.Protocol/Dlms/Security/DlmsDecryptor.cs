using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Han.Protocol.Dlms.Security;

/// <summary>
/// Opens ciphered APDUs with AES-128-GCM (NIST SP 800-38D; Green Book fig. 29; protocol.md §4.3):
/// IV = system title ‖ invocation counter; with authentication, AAD = SC ‖ AK and a 12-byte tag;
/// encryption-only frames (no tag) are decrypted as GCM's counter mode. One instance per stream: it
/// keeps the cipher objects for its keys and the last frame counter of each sender, to refuse replays.
/// <para>
/// Distinct failures: no key (<see cref="DecodeError.Encrypted"/>), tag mismatch
/// (<see cref="DecodeError.AuthenticationFailed"/>), content that cannot be plaintext under this key
/// (<see cref="DecodeError.WrongKey"/>), a counter not above the last one (<see cref="DecodeError.ReplayedFrameCounter"/>).
/// No message ever contains key material.
/// </para>
/// </summary>
public sealed class DlmsDecryptor : IDisposable
{
    private const int BlockSize = 16;

    private readonly AuthenticationKey? _authenticationKey;
    private readonly AesGcm? _gcm;
    private readonly Aes? _aes;
    private readonly ICryptoTransform? _ecb;
    private readonly Dictionary<ulong, Sender> _senders = [];
    private byte[] _plaintext = new byte[1024];
    private byte[] _counters = new byte[1024];
    private byte[] _keystream = new byte[1024];
    private byte[] _gmacInput = new byte[1024];
    private Sender _unusableTitle;

    public DlmsDecryptor(EncryptionKey? encryptionKey, AuthenticationKey? authenticationKey)
    {
        _authenticationKey = authenticationKey;
        if (encryptionKey is not null)
        {
            _gcm = new AesGcm(encryptionKey.Bytes, CipheredApdu.TagLength);
            _aes = Aes.Create();
            _aes.Key = encryptionKey.Bytes.ToArray();
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            _ecb = _aes.CreateEncryptor();
        }
    }

    /// <summary>The manufacturer id of the last frame's system title (KFM, LGZ, ...), when printable.</summary>
    public string? LastSenderId { get; private set; }

    /// <summary>True when the last decrypted frame's authentication tag was checked and matched.</summary>
    public bool LastFrameWasAuthenticated { get; private set; }

    /// <summary>Frames whose tag could not be checked because no authentication key was given.</summary>
    public long UnverifiedFrames { get; private set; }

    /// <summary>
    /// The plaintext APDU (or P1 telegram) inside <paramref name="apdu"/>; valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Decrypt(ReadOnlySpan<byte> apdu)
    {
        LastFrameWasAuthenticated = false;
        var ciphered = CipheredApdu.Parse(apdu);
        ref var sender = ref SenderOf(ciphered);
        LastSenderId = sender.Id;
        var security = ciphered.Security;
        if (security.IsCompressed || security.Suite > 1 || !(security.IsEncrypted || security.IsAuthenticated))
        {
            ThrowUnsupported(security);
        }

        var tagLength = security.IsAuthenticated ? CipheredApdu.TagLength : 0;
        var content = ciphered.Content;
        if (content.Length < tagLength)
        {
            Throw(DecodeError.UnexpectedEnd, ciphered.ContentOffset, "the ciphered content is shorter than its authentication tag");
        }

        var body = content[..^tagLength];
        var tag = content[^tagLength..];
        if (body.IsEmpty)
        {
            Throw(DecodeError.UnexpectedEnd, ciphered.ContentOffset, "the ciphered APDU carries no content");
        }

        Span<byte> nonce = stackalloc byte[12];
        if (ciphered.SystemTitle.Length != 8)
        {
            Throw(DecodeError.UnsupportedSecurity, 1, "the system title is not 8 bytes, so no GCM nonce can be formed");
        }

        ciphered.SystemTitle.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], ciphered.InvocationCounter);
        var plaintext = Rent(ref _plaintext, body.Length);

        if (security.IsEncrypted)
        {
            if (_gcm is null)
            {
                ThrowNoKey(ciphered.ManufacturerId, security);
            }

            if (security.IsAuthenticated && _authenticationKey is not null)
            {
                Span<byte> aad = stackalloc byte[1 + SecretKey.Length];
                aad[0] = security.Value;
                _authenticationKey.Bytes.CopyTo(aad[1..]);
                try
                {
                    _gcm.Decrypt(nonce, body, tag, plaintext, aad);
                    LastFrameWasAuthenticated = true;
                }
                catch (AuthenticationTagMismatchException)
                {
                    Throw(DecodeError.AuthenticationFailed, ciphered.ContentOffset, "the authentication tag does not match: wrong --key or --auth-key, or a damaged frame");
                }
            }
            else
            {
                CounterMode(nonce, body, plaintext);
                if (security.IsAuthenticated)
                {
                    UnverifiedFrames++;
                }

                if (!LooksLikePlaintext(plaintext))
                {
                    Throw(DecodeError.WrongKey, ciphered.ContentOffset, "the decrypted content is not a DLMS APDU or P1 telegram: the --key is probably wrong");
                }
            }
        }
        else
        {
            // Authenticated only: the content is plaintext; check its tag when the key allows it.
            body.CopyTo(plaintext);
            if (_authenticationKey is not null && _gcm is not null)
            {
                VerifyAuthenticationOnly(security, nonce, plaintext, tag, ciphered.ContentOffset);
            }
            else
            {
                UnverifiedFrames++;
            }
        }

        RefuseReplay(ref sender, ciphered.InvocationCounter);
        return plaintext;
    }

    public void Dispose()
    {
        _gcm?.Dispose();
        _ecb?.Dispose();
        _aes?.Dispose();
    }

    private static bool LooksLikePlaintext(ReadOnlySpan<byte> plaintext) =>
        !plaintext.IsEmpty && plaintext[0] is (byte)ApduTag.DataNotification or (byte)ApduTag.GeneralBlockTransfer or (byte)'/';

    private static Span<byte> Rent(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, length);
    }

    private void VerifyAuthenticationOnly(SecurityControl security, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> tag, int offset)
    {
        // GMAC: AAD = SC ‖ AK ‖ the plaintext, nothing encrypted (Green Book fig. 29).
        var aad = Rent(ref _gmacInput, 1 + SecretKey.Length + plaintext.Length);
        aad[0] = security.Value;
        _authenticationKey!.Bytes.CopyTo(aad[1..]);
        plaintext.CopyTo(aad[(1 + SecretKey.Length)..]);
        try
        {
            _gcm!.Decrypt(nonce, ReadOnlySpan<byte>.Empty, tag, Span<byte>.Empty, aad);
            LastFrameWasAuthenticated = true;
        }
        catch (AuthenticationTagMismatchException)
        {
            Throw(DecodeError.AuthenticationFailed, offset, "the authentication tag does not match: wrong --key or --auth-key, or a damaged frame");
        }
    }

    /// <summary>
    /// GCM without its tag: AES-CTR from inc32(J0), J0 = IV ‖ 00000001 (NIST SP 800-38D §7.2). The
    /// counter blocks are enciphered in one call of a reused ECB transform (a fresh one-shot call
    /// costs several times more), then XORed with the input.
    /// </summary>
    private void CounterMode(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var length = (input.Length + BlockSize - 1) / BlockSize * BlockSize;
        var counters = Rent(ref _counters, length);
        Rent(ref _keystream, length);
        for (var block = 0; block * BlockSize < length; block++)
        {
            var counter = counters.Slice(block * BlockSize, BlockSize);
            nonce.CopyTo(counter);
            BinaryPrimitives.WriteUInt32BigEndian(counter[12..], (uint)(block + 2));
        }

        _ecb!.TransformBlock(_counters, 0, length, _keystream, 0);
        Xor(input, _keystream, output);
    }

    private static void Xor(ReadOnlySpan<byte> input, ReadOnlySpan<byte> keystream, Span<byte> output)
    {
        var i = 0;
        for (; i + Vector<byte>.Count <= input.Length; i += Vector<byte>.Count)
        {
            (new Vector<byte>(input[i..]) ^ new Vector<byte>(keystream[i..])).CopyTo(output[i..]);
        }

        for (; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
    }

    /// <summary>
    /// What is kept per sender (system title): its manufacturer id, made into a string once, and the last
    /// frame counter accepted. A title that is not 8 bytes is refused later and gets an entry of its own.
    /// </summary>
    private ref Sender SenderOf(in CipheredApdu ciphered)
    {
        if (ciphered.SystemTitle.Length != 8)
        {
            _unusableTitle = new Sender { Id = ciphered.ManufacturerId };
            return ref _unusableTitle;
        }

        var title = BinaryPrimitives.ReadUInt64BigEndian(ciphered.SystemTitle);
        ref var sender = ref CollectionsMarshal.GetValueRefOrAddDefault(_senders, title, out var known);
        if (!known)
        {
            sender.Id = ciphered.ManufacturerId;
        }

        return ref sender;
    }

    private static void RefuseReplay(ref Sender sender, uint counter)
    {
        if (sender.HasCounter && counter <= sender.LastCounter)
        {
            ThrowReplay(counter, sender.LastCounter);
        }

        sender.LastCounter = counter;
        sender.HasCounter = true;
    }

    private struct Sender
    {
        public string? Id;
        public uint LastCounter;
        public bool HasCounter;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(DecodeError error, int offset, string detail) =>
        throw new DecodeException(DecodeLayer.Dlms, error, offset, detail);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoKey(string? manufacturer, SecurityControl security) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.Encrypted, 0, $"encrypted APDU (security {security}{(manufacturer is null ? string.Empty : ", sender " + manufacturer)}): a key is needed (--key)");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnsupported(SecurityControl security) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnsupportedSecurity, 0, $"security control {security} is not supported (only AES-128-GCM suites 0 and 1, uncompressed)");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowReplay(uint counter, uint last) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.ReplayedFrameCounter, 0, $"frame counter {counter} is not above the last one seen from this sender ({last}): a replayed or repeated frame");
}
