using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol.Axdr;

namespace Han.Protocol.Dlms.Security;

/// <summary>
/// A general-glo-ciphering (0xDB) or general-ded-ciphering (0xDC) APDU (Green Book fig. 31;
/// protocol.md §4.3): <c>tag | system-title length + system title | length | SC | IC(4) | content</c>,
/// where the content is the ciphertext followed by a 12-byte tag when the security control says
/// "authenticated". A view; nothing is decrypted here.
/// </summary>
public readonly ref struct CipheredApdu
{
    public const int TagLength = 12;

    private readonly ReadOnlySpan<byte> _systemTitle;
    private readonly ReadOnlySpan<byte> _content;

    private CipheredApdu(ReadOnlySpan<byte> systemTitle, int systemTitleOffset, SecurityControl security, uint invocationCounter, ReadOnlySpan<byte> content, int contentOffset)
    {
        _systemTitle = systemTitle;
        SystemTitleOffset = systemTitleOffset;
        Security = security;
        InvocationCounter = invocationCounter;
        _content = content;
        ContentOffset = contentOffset;
    }

    /// <summary>The sender's system title: 3-letter manufacturer id + 5 bytes (e.g. <c>KFM...</c>, <c>SAGY...</c>).</summary>
    public ReadOnlySpan<byte> SystemTitle => _systemTitle;

    /// <summary>Offset of <see cref="SystemTitle"/> within the APDU (after the tag and the title's length field).</summary>
    public int SystemTitleOffset { get; }

    public SecurityControl Security { get; }

    /// <summary>The frame (invocation) counter; with the system title it forms the GCM nonce.</summary>
    public uint InvocationCounter { get; }

    /// <summary>Ciphertext, then the authentication tag when <see cref="SecurityControl.IsAuthenticated"/>.</summary>
    public ReadOnlySpan<byte> Content => _content;

    /// <summary>Offset of <see cref="Content"/> within the APDU.</summary>
    public int ContentOffset { get; }

    /// <summary>The manufacturer flag id of the system title when it is printable (KFM, SAG, LGZ, ISK, KAM).</summary>
    public string? ManufacturerId =>
        _systemTitle.Length >= 3 && IsLetter(_systemTitle[0]) && IsLetter(_systemTitle[1]) && IsLetter(_systemTitle[2])
            ? System.Text.Encoding.ASCII.GetString(_systemTitle[..3])
            : null;

    public static bool IsCiphered(ReadOnlySpan<byte> apdu) =>
        !apdu.IsEmpty && apdu[0] is (byte)ApduTag.GeneralGloCiphering or (byte)ApduTag.GeneralDedCiphering;

    /// <summary>Reads the header; raises <see cref="DecodeException"/> (layer dlms) when the lengths do not fit.</summary>
    public static CipheredApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (!IsCiphered(apdu))
        {
            ThrowProblem(DecodeError.UnsupportedApdu, 0, "not a general-glo-ciphering or general-ded-ciphering APDU");
        }

        var cursor = 1;
        var titleLength = ReadLength(apdu, ref cursor);
        if (titleLength > apdu.Length - cursor)
        {
            ThrowProblem(DecodeError.UnexpectedEnd, cursor, "the system title is cut short");
        }

        var titleOffset = cursor;
        var systemTitle = apdu.Slice(cursor, titleLength);
        cursor += titleLength;
        var length = ReadLength(apdu, ref cursor);
        if (length < 5 || length > apdu.Length - cursor)
        {
            ThrowLength(cursor, length, apdu.Length - cursor);
        }

        if (length < apdu.Length - cursor)
        {
            ThrowTrailing(cursor + length, apdu.Length - cursor - length);
        }

        var security = new SecurityControl(apdu[cursor]);
        var counter = BinaryPrimitives.ReadUInt32BigEndian(apdu[(cursor + 1)..]);
        var contentOffset = cursor + 5;
        return new CipheredApdu(systemTitle, titleOffset, security, counter, apdu.Slice(contentOffset, length - 5), contentOffset);
    }

    private static bool IsLetter(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z');

    private static int ReadLength(ReadOnlySpan<byte> apdu, ref int cursor)
    {
        var start = cursor;
        switch (AxdrLength.TryRead(apdu, ref cursor, out var length))
        {
            case AxdrLengthStatus.Read:
                // Anything longer than the APDU is refused by the caller; cap it so it stays an int.
                return (int)Math.Min(length, apdu.Length + 1);
            case AxdrLengthStatus.BadPrefix:
                ThrowProblem(DecodeError.LengthOutOfRange, start, $"length prefix 0x{apdu[start]:X2} is not 0x81-0x84");
                return 0;
            default:
                ThrowProblem(DecodeError.UnexpectedEnd, start, "the ciphered APDU ends inside its header");
                return 0;
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowProblem(DecodeError error, int offset, string detail) =>
        throw new DecodeException(DecodeLayer.Dlms, error, offset, detail);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(int offset, int length, int remaining) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, offset, $"the ciphered content claims {length} bytes but {remaining} follow");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailing(int offset, int count) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.TrailingBytes, offset, $"{count} bytes follow the ciphered content");
}
