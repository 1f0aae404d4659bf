using System.Text;
using System.Text.Json;
using Han.Protocol.Cosem;
using Han.Readings.Json;

namespace Han.Readings.Tests;

public sealed class ReadingJsonWriterTests
{
    [Fact]
    public void Write_Reading_IsAFlatObjectWithExactNumbersAndNoAbsentKeys()
    {
        var reading = new MeterReading { MeterId = "5706567274389702", ListVersion = "Kamstrup_V0001" };
        reading.Set(ReadingField.ActiveEnergyImport, new Measurement(8582328, -2));
        reading.Set(ReadingField.VoltageL1, new Measurement(2330, -1));
        reading.AddOther(new ObisValue(ObisCode.Parse("0-0:96.99.0.255"), new CosemValue.Text("x")));

        var json = Write(reading);

        Assert.Equal(
            "{\"meter_id\":\"5706567274389702\",\"list_version\":\"Kamstrup_V0001\",\"voltage_l1\":233,\"active_energy_import\":85823.28,\"obis\":{\"0.0.96.99.0.255\":\"x\"}}",
            json);
    }

    [Fact]
    public void Write_SameObisCodeTwice_KeepsTheFirstSoTheObjectHasUniqueKeys()
    {
        var reading = new MeterReading();
        var code = ObisCode.Parse("0-0:17.0.0.255");

        Assert.True(reading.AddOther(new ObisValue(code, new CosemValue.Text("first"))));
        Assert.False(reading.AddOther(new ObisValue(code, new CosemValue.Text("second"))));

        Assert.Equal("{\"obis\":{\"0.0.17.0.0.255\":\"first\"}}", Write(reading));
    }

    [Fact]
    public void Write_MeterTimeWithOffset_IsIso8601WithTheOffset()
    {
        var reading = new MeterReading { MeterTime = new MeterClock(new DateTime(2021, 9, 27, 9, 47, 15), TimeSpan.FromHours(2)) };

        var text = Write(reading);

        Assert.Equal("2021-09-27T09:47:15+02:00", JsonDocument.Parse(text).RootElement.GetProperty("meter_time").GetString());
        Assert.Contains("\"meter_time\":\"2021-09-27T09:47:15+02:00\"", text, StringComparison.Ordinal); // '+' not escaped
    }

    [Fact]
    public void Write_NonAsciiText_StaysReadable()
    {
        var reading = new MeterReading { MeterType = "Kjøkken" };

        Assert.Equal("{\"meter_type\":\"Kjøkken\"}", Write(reading));
    }

    [Fact]
    public void Write_OtherValues_KeepTheirKinds()
    {
        var reading = new MeterReading();
        reading.AddOther(new ObisValue(ObisCode.Parse("1-0:99.1.0.255"), new CosemValue.Number(new Measurement(-15, -1), CosemUnit.Watt)));
        reading.AddOther(new ObisValue(ObisCode.Parse("1-0:99.2.0.255"), new CosemValue.Bytes(new byte[] { 0xDE, 0xAD })));
        reading.AddOther(new ObisValue(ObisCode.Parse("1-0:99.3.0.255"), new CosemValue.Boolean(true)));
        reading.AddOther(new ObisValue(ObisCode.Parse("1-0:99.4.0.255"), new CosemValue.Null()));

        var obis = JsonDocument.Parse(Write(reading)).RootElement.GetProperty("obis");

        Assert.Equal(-1.5m, obis.GetProperty("1.0.99.1.0.255").GetDecimal());
        Assert.Equal("DEAD", obis.GetProperty("1.0.99.2.0.255").GetString());
        Assert.True(obis.GetProperty("1.0.99.3.0.255").GetBoolean());
        Assert.Equal(JsonValueKind.Null, obis.GetProperty("1.0.99.4.0.255").ValueKind);
    }

    [Fact]
    public void Write_ManyReadingsThroughOneWriter_EachHasItsOwnStrings()
    {
        // The writer caches the encoding of the strings it saw last (8 of them): reused instances, new
        // instances with equal text, and more strings than the cache holds must all come out right.
        var jsonWriter = new ReadingJsonWriter();
        var sameInstance = "Kamstrup_V0001";
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var reading = new MeterReading { ListVersion = sameInstance, MeterId = "meter " + i, MeterType = i % 2 == 0 ? "even" : new string("odd") };
            lines.Add(Write(reading, jsonWriter));
        }

        for (var i = 0; i < 20; i++)
        {
            var json = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal("meter " + i, json.GetProperty("meter_id").GetString());
            Assert.Equal(i % 2 == 0 ? "even" : "odd", json.GetProperty("meter_type").GetString());
            Assert.Equal("Kamstrup_V0001", json.GetProperty("list_version").GetString());
        }
    }

    private static string Write(MeterReading reading, ReadingJsonWriter? jsonWriter = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            (jsonWriter ?? new ReadingJsonWriter()).Write(writer, reading);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
