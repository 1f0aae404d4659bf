using System.Buffers.Binary;
using System.Globalization;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Protocol.Dlms;
using Han.Protocol.Dlms.Security;
using Han.Protocol.Hdlc;

namespace Han.Protocol.Diagnostics;

/// <summary>
/// Names every byte of a frame, an LLC information field or an APDU (flag, format, addresses, control,
/// HCS, LLC, invoke id, date-time, each A-XDR tag, length and value, FCS) for the hex and tree views.
/// Never throws on malformed content: what cannot be read is annotated as such.
/// </summary>
public static class FrameAnnotator
{
    /// <summary>Annotates a whole HDLC frame on the wire, opening and closing flags included.</summary>
    public static IReadOnlyList<Annotation> AnnotateHdlc(ReadOnlySpan<byte> wire)
    {
        var output = new List<Annotation>();
        if (wire.Length < HdlcFrame.MinLength + 2
            || !HdlcFrame.TryParse(wire[1..^1], 0, out var frame, out var problem))
        {
            output.Add(new Annotation(0, wire.Length, 0, "not a good HDLC frame", "not a good HDLC frame"));
            return output;
        }

        var format = BinaryPrimitives.ReadUInt16BigEndian(wire[1..]);
        output.Add(new Annotation(0, 1, 0, "flag", $"HDLC frame, {frame.Length} bytes between flags{(frame.IsSegmented ? ", segmented" : string.Empty)}"));
        output.Add(new Annotation(1, 2, 1, $"frame format: type {format >> 12:X}, segmentation {(frame.IsSegmented ? 1 : 0)}, length {frame.Length}"));
        var cursor = 3;
        output.Add(new Annotation(cursor, frame.Destination.Length, 1, $"destination address {frame.Destination}", $"destination {frame.Destination}, source {frame.Source}, control 0x{frame.Control:X2} ({DescribeControl(frame.Control)})"));
        cursor += frame.Destination.Length;
        output.Add(new Annotation(cursor, frame.Source.Length, 1, $"source address {frame.Source}"));
        cursor += frame.Source.Length;
        output.Add(new Annotation(cursor, 1, 1, $"control 0x{frame.Control:X2}: {DescribeControl(frame.Control)}"));
        cursor++;
        if (frame.HasInformation)
        {
            output.Add(new Annotation(cursor, 2, 1, $"HCS 0x{BinaryPrimitives.ReadUInt16LittleEndian(wire[cursor..]):X4} (ok)"));
            cursor += 2;
            var information = frame.Information;
            if (frame.IsSegmented && !Llc.HasHeader(information))
            {
                output.Add(new Annotation(cursor, information.Length, 1, $"segment data, {information.Length} bytes (joined with the other segments)", "segment data"));
            }
            else if (frame.IsSegmented)
            {
                output.Add(new Annotation(cursor, Llc.HeaderLength, 1, DescribeLlc(information), "LLC header"));
                output.Add(new Annotation(cursor + Llc.HeaderLength, information.Length - Llc.HeaderLength, 1, "first segment of an APDU (decoded when all segments have arrived)", "first segment of an APDU"));
            }
            else
            {
                AnnotateInformation(information, cursor, 1, output);
            }

            cursor += information.Length;
        }

        output.Add(new Annotation(cursor, 2, 1, $"FCS 0x{BinaryPrimitives.ReadUInt16LittleEndian(wire[cursor..]):X4} (ok)"));
        output.Add(new Annotation(cursor + 2, 1, 0, "flag"));
        return output;
    }

    /// <summary>Annotates an information field (LLC header, when present, and the APDU after it).</summary>
    public static IReadOnlyList<Annotation> AnnotateInformation(ReadOnlySpan<byte> information)
    {
        var output = new List<Annotation>();
        AnnotateInformation(information, 0, 0, output);
        return output;
    }

    /// <summary>Annotates a bare APDU.</summary>
    public static IReadOnlyList<Annotation> AnnotateApdu(ReadOnlySpan<byte> apdu)
    {
        var output = new List<Annotation>();
        AnnotateApdu(apdu, 0, 0, output);
        return output;
    }

    private static void AnnotateInformation(ReadOnlySpan<byte> information, int offset, int depth, List<Annotation> output)
    {
        if (Llc.HasHeader(information))
        {
            output.Add(new Annotation(offset, Llc.HeaderLength, depth, DescribeLlc(information), DescribeLlc(information)));
            information = information[Llc.HeaderLength..];
            offset += Llc.HeaderLength;
        }

        AnnotateApdu(information, offset, depth, output);
    }

    internal static void AnnotateApdu(ReadOnlySpan<byte> apdu, int offset, int depth, List<Annotation> output)
    {
        if (apdu.IsEmpty)
        {
            return;
        }

        if (CipheredApdu.IsCiphered(apdu))
        {
            AnnotateCiphered(apdu, offset, depth, output);
            return;
        }

        if (apdu[0] != (byte)ApduTag.DataNotification)
        {
            var name = ApduReader.Describe(apdu[0]);
            output.Add(new Annotation(offset, 1, depth, $"APDU tag 0x{apdu[0]:X2}: {name}", name));
            // glo- and ded-ciphering went to AnnotateCiphered above; general-ciphering is not read here.
            var why = apdu[0] == (byte)ApduTag.GeneralCiphering
                ? "encrypted content (a key is needed)"
                : "content not decoded";
            output.Add(new Annotation(offset + 1, apdu.Length - 1, depth + 1, why, why));
            return;
        }

        DataNotification notification;
        try
        {
            notification = DataNotification.Parse(apdu);
        }
        catch (DecodeException problem)
        {
            output.Add(new Annotation(offset, apdu.Length, depth, "data-notification that does not decode: " + problem.Detail, "undecodable data-notification: " + problem.Detail));
            return;
        }

        output.Add(new Annotation(offset, 1, depth, "APDU tag 0x0F: data-notification", "data-notification"));
        output.Add(new Annotation(offset + 1, 4, depth + 1, $"long-invoke-id-and-priority 0x{notification.InvokeIdAndPriority:X8}", $"invoke-id-and-priority 0x{notification.InvokeIdAndPriority:X8}"));
        var dateStart = offset + 5;
        var dateLength = notification.BodyOffset - 5;
        var dateLabel = notification.DateTime is { } time
            ? $"date-time ({DescribeEncoding(notification.DateTimeEncoding)}): {time.Describe()}"
            : "date-time: absent";
        output.Add(new Annotation(dateStart, dateLength, depth + 1, dateLabel, dateLabel));
        var reader = new AxdrReader(notification.Body);
        var bodyOffset = offset + notification.BodyOffset;
        try
        {
            if (CompactDescriptorList.TryRecognise(notification.Body, out _, out _))
            {
                CompactListAnnotator.Annotate(ref reader, bodyOffset, depth + 1, output);
            }
            else
            {
                AnnotateData(ref reader, bodyOffset, depth + 1, output, 0);
            }

            if (!reader.IsAtEnd)
            {
                output.Add(new Annotation(bodyOffset + reader.Position, reader.Remaining, depth + 1, "trailing bytes after the notification body", "trailing bytes"));
            }
        }
        catch (DecodeException problem)
        {
            // Start where the annotations so far end: the problem's offset may point inside the failing
            // element (at its length field or type description), whose tag is not annotated yet.
            var at = output[^1].Offset + output[^1].Length;
            var remaining = offset + apdu.Length - at;
            output.Add(new Annotation(at, Math.Max(remaining, 0), depth + 1, $"cannot decode: {problem.Detail}", $"cannot decode: {problem.Detail}"));
        }
    }

    private static void AnnotateCiphered(ReadOnlySpan<byte> apdu, int offset, int depth, List<Annotation> output)
    {
        var name = ApduReader.Describe(apdu[0]);
        CipheredApdu ciphered;
        try
        {
            ciphered = CipheredApdu.Parse(apdu);
        }
        catch (DecodeException problem)
        {
            output.Add(new Annotation(offset, apdu.Length, depth, $"{name} that does not decode: {problem.Detail}", $"undecodable {name}: {problem.Detail}"));
            return;
        }

        var security = ciphered.Security;
        output.Add(new Annotation(offset, 1, depth, $"APDU tag 0x{apdu[0]:X2}: {name}", $"{name}, security {security}, frame counter {ciphered.InvocationCounter}"));
        var titleStart = ciphered.SystemTitleOffset;
        var lengthBytes = ciphered.ContentOffset - 5;
        var sender = ciphered.ManufacturerId is { } id ? $" (manufacturer {id})" : string.Empty;
        output.Add(new Annotation(offset + 1, titleStart - 1, depth + 1, $"system title length {ciphered.SystemTitle.Length}"));
        output.Add(new Annotation(offset + titleStart, ciphered.SystemTitle.Length, depth + 1, $"system title {Convert.ToHexString(ciphered.SystemTitle)}{sender}", $"system title {Convert.ToHexString(ciphered.SystemTitle)}{sender}"));
        titleStart += ciphered.SystemTitle.Length;
        output.Add(new Annotation(offset + titleStart, lengthBytes - titleStart, depth + 1, $"length {apdu.Length - lengthBytes} (security control, frame counter, content)"));
        output.Add(new Annotation(offset + lengthBytes, 1, depth + 1, $"security control {security}"));
        output.Add(new Annotation(offset + lengthBytes + 1, 4, depth + 1, $"frame counter {ciphered.InvocationCounter}"));
        var tagLength = security.IsAuthenticated ? Math.Min(CipheredApdu.TagLength, ciphered.Content.Length) : 0;
        var body = security.IsEncrypted ? "ciphertext" : "plaintext (authenticated only)";
        output.Add(new Annotation(offset + ciphered.ContentOffset, ciphered.Content.Length - tagLength, depth + 1, $"{body}, {ciphered.Content.Length - tagLength} bytes", body));
        if (tagLength > 0)
        {
            output.Add(new Annotation(offset + apdu.Length - tagLength, tagLength, depth + 1, "authentication tag (GCM, 12 bytes)"));
        }
    }

    internal static void AnnotateData(ref AxdrReader reader, int baseOffset, int depth, List<Annotation> output, int nesting)
    {
        if (nesting > AxdrReader.MaxDepth)
        {
            throw new DecodeException(DecodeLayer.Axdr, DecodeError.NestingTooDeep, reader.Position, "data nested too deep");
        }

        var element = reader.Read();
        var offset = baseOffset + element.Offset;
        var name = DataTypeInfo.Name(element.Type);
        if (element.IsContainer)
        {
            AnnotateContainerHead(element, baseOffset, depth, output);
            for (var i = 0; i < element.Count; i++)
            {
                AnnotateData(ref reader, baseOffset, depth + 1, output, nesting + 1);
            }

            return;
        }

        var value = ValueFormatter.Describe(element);
        output.Add(new Annotation(offset, 1, depth, $"tag 0x{(byte)element.Type:X2}: {name}", $"{name} {value}"));
        if (element.HeaderLength > 1)
        {
            var unit = element.Type == DataType.BitString ? "bits" : "bytes";
            output.Add(new Annotation(offset + 1, element.HeaderLength - 1, depth, $"length {element.Count} {unit}"));
        }

        if (!element.Payload.IsEmpty)
        {
            var label = element.Type == DataType.Enum
                ? $"value {value} (as a unit: {((CosemUnit)element.Payload[0]).Symbol()})"
                : "value " + value;
            output.Add(new Annotation(offset + element.HeaderLength, element.Payload.Length, depth, label));
        }
    }

    /// <summary>The tag and count of an array or structure, whose elements follow.</summary>
    internal static void AnnotateContainerHead(in AxdrElement element, int baseOffset, int depth, List<Annotation> output)
    {
        var offset = baseOffset + element.Offset;
        var name = DataTypeInfo.Name(element.Type);
        var noun = element.Type == DataType.Array ? "elements" : "members";
        output.Add(new Annotation(offset, 1, depth, $"tag 0x{(byte)element.Type:X2}: {name}", $"{name} of {element.Count} {noun}"));
        output.Add(new Annotation(offset + 1, element.HeaderLength - 1, depth, $"count {element.Count}"));
    }

    private static string DescribeLlc(ReadOnlySpan<byte> llc) =>
        string.Create(CultureInfo.InvariantCulture, $"LLC: destination LSAP 0x{llc[0]:X2}, source LSAP 0x{llc[1]:X2} ({(llc[1] == 0xE7 ? "response" : "command")}), quality 0x{llc[2]:X2}");

    private static string DescribeControl(byte control)
    {
        if ((control & 0x01) == 0)
        {
            return $"I-frame N(S)={(control >> 1) & 7} N(R)={control >> 5} P={(control >> 4) & 1}";
        }

        return (control & 0xEF) == 0x03 ? $"UI-frame P/F={(control >> 4) & 1}" : $"S/U-frame 0x{control:X2}";
    }

    private static string DescribeEncoding(DateTimeEncoding encoding) => encoding switch
    {
        DateTimeEncoding.Length => "0C + 12 bytes",
        DateTimeEncoding.OctetString => "09 0C + 12 bytes",
        DateTimeEncoding.DateTimeTag => "19 + 12 bytes",
        _ => "absent",
    };
}
