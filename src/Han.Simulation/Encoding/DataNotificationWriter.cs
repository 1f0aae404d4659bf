using System.Buffers.Binary;
using Han.Protocol.Dlms;

namespace Han.Simulation.Encoding;

/// <summary>
/// A data-notification APDU (protocol.md §4.2): <c>0F | long-invoke-id-and-priority | date-time | body</c>.
/// </summary>
public static class DataNotificationWriter
{
    /// <param name="invokeIdAndPriority">As the meter sends it: Aidon and Kaifa 0x40000000, Kamstrup 0.</param>
    /// <param name="form">How the header date-time is written.</param>
    /// <param name="time">The 12 date-time bytes, or null for none (only with <see cref="HeaderTimeForm.Empty"/>).</param>
    /// <param name="body">The notification body: one A-XDR value, an array or a structure.</param>
    public static byte[] Write(uint invokeIdAndPriority, HeaderTimeForm form, byte[]? time, ReadOnlySpan<byte> body)
    {
        if ((form == HeaderTimeForm.Empty) != (time is null))
        {
            throw new ArgumentException($"a header written {form} {(time is null ? "needs" : "takes no")} date-time", nameof(time));
        }

        var writer = new AxdrWriter().Byte((byte)ApduTag.DataNotification);
        Span<byte> invoke = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(invoke, invokeIdAndPriority);
        writer.Raw(invoke);
        switch (form)
        {
            case HeaderTimeForm.Empty:
                writer.Byte(0x00);
                break;
            case HeaderTimeForm.Untagged:
                writer.Length(time!.Length).Raw(time);
                break;
            default:
                writer.OctetString(time);
                break;
        }

        return writer.Raw(body).ToArray();
    }
}
