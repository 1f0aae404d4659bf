using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Protocol.Diagnostics;

/// <summary>Readable text for A-XDR values in the debugging views.</summary>
public static class ValueFormatter
{
    public static string Describe(in AxdrElement element)
    {
        var payload = element.Payload;
        if (element.TryGetInt64(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        switch (element.Type)
        {
            case DataType.Long64Unsigned:
                return BinaryPrimitives.ReadUInt64BigEndian(payload).ToString(CultureInfo.InvariantCulture);
            case DataType.NullData:
                return "null";
            case DataType.Boolean:
                return element.ToBoolean() ? "true" : "false";
            case DataType.Float32 or DataType.Float64:
                return element.ToDouble().ToString("R", CultureInfo.InvariantCulture);
            case DataType.VisibleString:
                return Quote(Encoding.Latin1.GetString(payload));
            case DataType.Utf8String:
                return Quote(Encoding.UTF8.GetString(payload));
            case DataType.Bcd:
                return "0x" + payload[0].ToString("X2", CultureInfo.InvariantCulture);
            case DataType.BitString:
                return $"{element.Count} bits {Convert.ToHexString(payload)}";
            case DataType.DateTime:
                return element.ToDateTime().Describe();
            case DataType.Date:
                return DescribeDate(payload);
            case DataType.Time:
                return DescribeTime(payload);
            case DataType.OctetString:
                return DescribeOctets(element);
            default:
                return Convert.ToHexString(payload);
        }
    }

    private static string DescribeOctets(in AxdrElement element)
    {
        var payload = element.Payload;
        if (element.IsObisCode)
        {
            return $"{Convert.ToHexString(payload)} = OBIS {element.ToObisCode()}";
        }

        if (element.IsDateTime && CosemDateTime.Read(payload).TryGetLocalTime(out _))
        {
            return "date-time " + CosemDateTime.Read(payload).Describe();
        }

        var printable = payload.Length > 0;
        foreach (var b in payload)
        {
            printable &= b is >= 0x20 and <= 0x7E or 0;
        }

        return printable ? Quote(Encoding.ASCII.GetString(payload).TrimEnd('\0')) : Convert.ToHexString(payload);
    }

    private static string DescribeDate(ReadOnlySpan<byte> payload) =>
        string.Create(CultureInfo.InvariantCulture, $"{BinaryPrimitives.ReadUInt16BigEndian(payload):0000}-{payload[2]:00}-{payload[3]:00} dow {payload[4]}");

    private static string DescribeTime(ReadOnlySpan<byte> payload) =>
        string.Create(CultureInfo.InvariantCulture, $"{payload[0]:00}:{payload[1]:00}:{payload[2]:00}.{payload[3]:00}");

    /// <summary>Meter text in quotes, its control characters escaped (a NUL shows as <c>\x00</c>).</summary>
    private static string Quote(string text) => "\"" + PrintableText.Escape(text) + "\"";
}
