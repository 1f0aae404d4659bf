using System.Buffers.Binary;
using Han.Protocol.Cosem;

namespace Han.Simulation.Encoding;

/// <summary>The 12 bytes of a COSEM date-time (protocol.md §5.3), the mirror of <see cref="CosemDateTime.Read"/>.</summary>
public static class CosemDateTimeWriter
{
    public static byte[] Encode(CosemDateTime time)
    {
        var bytes = new byte[CosemDateTime.EncodedLength];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, time.Year);
        bytes[2] = time.Month;
        bytes[3] = time.Day;
        bytes[4] = time.DayOfWeek;
        bytes[5] = time.Hour;
        bytes[6] = time.Minute;
        bytes[7] = time.Second;
        bytes[8] = time.Hundredths;
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(9), time.Deviation);
        bytes[11] = time.ClockStatus;
        return bytes;
    }
}
