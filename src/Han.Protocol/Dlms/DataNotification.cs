using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Protocol.Dlms;

/// <summary>
/// A DLMS data-notification APDU (tag 0x0F): <c>0F | long-invoke-id-and-priority (4) | date-time | body</c>.
/// The body is one A-XDR <c>Data</c> value, read with <see cref="AxdrReader"/>.
/// </summary>
public readonly ref struct DataNotification
{
    private const int InvokeIdOffset = 1;
    private const int DateTimeOffset = 5;

    private readonly ReadOnlySpan<byte> _apdu;

    private DataNotification(ReadOnlySpan<byte> apdu, uint invokeIdAndPriority, DateTimeEncoding dateTimeEncoding, CosemDateTime? dateTime, int bodyOffset)
    {
        _apdu = apdu;
        InvokeIdAndPriority = invokeIdAndPriority;
        DateTimeEncoding = dateTimeEncoding;
        DateTime = dateTime;
        BodyOffset = bodyOffset;
    }

    /// <summary>Long-Invoke-Id-And-Priority as sent; treated as opaque (meters disagree on its use).</summary>
    public uint InvokeIdAndPriority { get; }

    public DateTimeEncoding DateTimeEncoding { get; }

    /// <summary>The APDU header's date-time, when the meter sent one.</summary>
    public CosemDateTime? DateTime { get; }

    /// <summary>Offset of the notification body within the APDU.</summary>
    public int BodyOffset { get; }

    /// <summary>The A-XDR encoded notification body.</summary>
    public ReadOnlySpan<byte> Body => _apdu[BodyOffset..];

    /// <summary>The whole APDU, tag included.</summary>
    public ReadOnlySpan<byte> Apdu => _apdu;

    /// <summary>
    /// Parses the header of a data-notification. Accepts the four date-time encodings seen on real
    /// meters (protocol.md §4.2): <c>00</c>, <c>0C</c>+12, <c>09 0C</c>+12 and <c>19</c>+12.
    /// </summary>
    public static DataNotification Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.IsEmpty || apdu[0] != (byte)ApduTag.DataNotification)
        {
            throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnsupportedApdu, 0, "not a data-notification (tag 0x0F)");
        }

        if (apdu.Length < DateTimeOffset + 1)
        {
            throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, apdu.Length, "data-notification header is cut short");
        }

        var invoke = BinaryPrimitives.ReadUInt32BigEndian(apdu[InvokeIdOffset..]);
        var cursor = DateTimeOffset;
        var encoding = apdu[cursor] switch
        {
            0x00 => DateTimeEncoding.Absent,
            0x0C => DateTimeEncoding.Length,
            0x09 => DateTimeEncoding.OctetString,
            0x19 => DateTimeEncoding.DateTimeTag,
            var other => throw InvalidDateTimeStart(cursor, other),
        };

        CosemDateTime? dateTime = null;
        cursor++;
        if (encoding == DateTimeEncoding.OctetString)
        {
            if (cursor >= apdu.Length)
            {
                throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, cursor, "date-time octet-string has no length");
            }

            if (apdu[cursor] is not (0x0C or 0x00))
            {
                throw new DecodeException(DecodeLayer.Dlms, DecodeError.InvalidDateTime, cursor, "date-time octet-string must have length 0 or 12");
            }

            if (apdu[cursor++] == 0x00)
            {
                encoding = DateTimeEncoding.Absent;
            }
        }

        if (encoding != DateTimeEncoding.Absent)
        {
            if (apdu.Length - cursor < CosemDateTime.EncodedLength)
            {
                throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, cursor, "date-time is cut short");
            }

            dateTime = CosemDateTime.Read(apdu.Slice(cursor, CosemDateTime.EncodedLength));
            cursor += CosemDateTime.EncodedLength;
        }

        if (cursor >= apdu.Length)
        {
            throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, cursor, "data-notification has no body");
        }

        return new DataNotification(apdu, invoke, encoding, dateTime, cursor);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DecodeException InvalidDateTimeStart(int offset, byte first) =>
        new(DecodeLayer.Dlms, DecodeError.InvalidDateTime, offset, $"date-time field starts with 0x{first:X2}; expected 00, 0C, 09 0C or 19");
}
