using System.Text.Json;
using Han.Protocol.Framing;
using Han.Protocol.P1;
using Han.Readings.Json;
using Han.Readings.P1;

namespace Han.Readings.Tests.P1;

/// <summary>Reads every telegram of an input and decodes it, as the pipeline would.</summary>
internal static class P1Decoding
{
    public static List<MeterReading> DecodeAll(byte[] input, P1ReadingDecoder? decoder = null)
    {
        decoder ??= new P1ReadingDecoder();
        var reader = new P1TelegramReader();
        var readings = new List<MeterReading>();
        var rest = input.AsSpan();
        FrameReadStatus status;
        while ((status = reader.TryRead(rest, isFinalBlock: true, out var consumed, out var telegram, out _)) != FrameReadStatus.NeedMoreData)
        {
            if (status == FrameReadStatus.Frame)
            {
                readings.Add(decoder.Decode(telegram));
            }

            rest = rest[consumed..];
        }

        return readings;
    }

    /// <summary>The one reading of a telegram whose checksum is not checked (for inputs with a known-wrong CRC).</summary>
    public static MeterReading DecodeUnchecked(byte[] input, P1ReadingDecoder? decoder = null)
    {
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: false, out var telegram, out var problem), problem.ToString());
        return (decoder ?? new P1ReadingDecoder()).Decode(telegram);
    }

    public static MeterReading DecodeSingle(byte[] input) => Assert.Single(DecodeAll(input));

    /// <summary>The reading as the JSON object of DESIGN.md §2.2.</summary>
    public static JsonElement Json(MeterReading reading)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            new ReadingJsonWriter().Write(writer, reading);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    public static CosemValue Other(MeterReading reading, string code) =>
        Assert.Single(reading.Other, other => other.Code.ToString() == code).Value;
}
