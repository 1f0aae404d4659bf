using System.Text;
using Han.Protocol.Cosem;
using Han.Readings.P1;
using Han.TestCorpus;

namespace Han.Readings.Tests.P1;

public sealed class P1ReadingDecoderTests
{
    private static readonly byte[] SpecExample = Vectors.ById("dsmr-nl-spec-5.0.2-example").Input;

    [Fact]
    public void Decode_SpecExample_ScalesKilowattsToWattsExactly()
    {
        var reading = P1Decoding.DecodeUnchecked(SpecExample);

        Assert.True(reading.TryGet(ReadingField.ActivePowerImport, out var power));
        Assert.Equal(1193m, power.ToDecimal()); // 01.193*kW
        Assert.Equal("1193", power.ToString());
        Assert.Equal(123456.789m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(6666m, reading[ReadingField.ActivePowerExportL3]);
        Assert.Equal(3m, reading[ReadingField.CurrentL3]);
        Assert.Equal(220.3m, reading[ReadingField.VoltageL3]);
    }

    [Fact]
    public void Decode_SpecExample_FillsTheIdentityFromTheTelegram()
    {
        var reading = P1Decoding.DecodeUnchecked(SpecExample);

        Assert.Equal("K8EG004046395507", reading.MeterId); // 0-0:96.1.1, hex ASCII
        Assert.Equal("50", reading.ListVersion);
        Assert.Equal("Iskraemeco", reading.MeterManufacturer);
        Assert.Equal("MT382-1000", reading.MeterType);
        Assert.Equal(new MeterClock(new DateTime(2010, 12, 9, 11, 30, 20), null), reading.MeterTime);
        Assert.Equal(P1ReadingDecoder.ProfileName, reading.Profile);
        Assert.Equal(35, reading.ListLength);
    }

    [Fact]
    public void Decode_SpecExample_KeepsEverythingElseInObis()
    {
        var reading = P1Decoding.DecodeUnchecked(SpecExample);

        Assert.Equal(new CosemValue.Text("0002"), P1Decoding.Other(reading, "0.0.96.14.0.255"));
        Assert.Equal(new CosemValue.Number(new Measurement(4, 0), null), P1Decoding.Other(reading, "0.0.96.7.21.255"));
        Assert.Equal(new CosemValue.Number(new Measurement(12785123, -3), CosemUnit.CubicMetre), P1Decoding.Other(reading, "0.1.24.2.1.255"));
        Assert.Equal(new CosemValue.Text("2222ABCD123456789"), P1Decoding.Other(reading, "0.1.96.1.0.255"));
        var message = Assert.IsType<CosemValue.Text>(P1Decoding.Other(reading, "0.0.96.13.0.255"));
        Assert.StartsWith("0123456789:;<=>?0123", message.Value, StringComparison.Ordinal);
        Assert.Equal(
            new CosemValue.Text("(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)"),
            P1Decoding.Other(reading, "1.0.99.97.0.255"));
        Assert.DoesNotContain(reading.Other, o => o.Code.ToString() is "1.0.1.7.0.255" or "0.0.96.1.1.255" or "0.0.1.0.0.255");
    }

    [Fact]
    public void Decode_WattAndWattHourUnits_FillTheFieldsInTheSchemaUnits()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("dsmr-at-sagemcom-t210dr-plain").Input);

        Assert.Equal(6545.766m, reading[ReadingField.ActiveEnergyImport]); // 006545766*Wh
        Assert.Equal(286m, reading[ReadingField.ActivePowerImport]); // 000000286*W
        Assert.Equal(166m, reading[ReadingField.ReactivePowerExport]); // 000000166*var
        Assert.Equal(3897.726m, reading[ReadingField.ReactiveEnergyExport]); // 003897726*varh
        Assert.Null(reading.MeterManufacturer); // EST is the grid operator's FLAG id
        Assert.Equal(5017.12m, reading[ReadingField.ActiveEnergyImportTariff1]); // 005017120*Wh
        Assert.Equal(new CosemValue.Number(new Measurement(2692848, 0), CosemUnit.VarHour), P1Decoding.Other(reading, "1.0.4.8.1.255"));
    }

    [Theory]
    [InlineData("1-0:1.7.0(1.5*kWh)", "1.0.1.7.0.255", "1500", CosemUnit.WattHour)] // energy unit on a power code
    [InlineData("1-0:32.7.0(230.1)", "1.0.32.7.0.255", "230.1", null)] // no unit
    [InlineData("1-0:1.8.0(00001.000*kW)", "1.0.1.8.0.255", "1000", CosemUnit.Watt)]
    public void Decode_UnitOfTheWrongKind_LeavesTheFieldAbsentAndTheValueInObis(string line, string code, string value, CosemUnit? unit)
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("KAM5", [line]));

        Assert.Empty(reading.Values());
        var number = Assert.IsType<CosemValue.Number>(P1Decoding.Other(reading, code));
        Assert.Equal((value, unit), (number.Value.ToString(), number.Unit));
    }

    [Fact]
    public void Decode_UnitWithoutCosemEquivalent_KeepsTheGroupAsText()
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("KAM5", ["1-0:31.7.0(5*mA)", "0-1:24.2.1(260215200523W)(240.860*GJ)"]));

        Assert.False(reading.Has(ReadingField.CurrentL1));
        Assert.Equal(new CosemValue.Text("5*mA"), P1Decoding.Other(reading, "1.0.31.7.0.255"));
        Assert.Equal(new CosemValue.Number(new Measurement(240860, 6), CosemUnit.Joule), P1Decoding.Other(reading, "0.1.24.2.1.255"));
    }

    [Fact]
    public void Decode_UnitsInAnyLetterCase_AreRecognised()
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("LGF5E360", ["1-0:3.8.0(00000518.309*kVArh)", "1-0:4.7.0(0000.308*KVAR)", "1-0:31.7.0(000.6*a)"]));

        Assert.Equal(518.309m, reading[ReadingField.ReactiveEnergyImport]);
        Assert.Equal(308m, reading[ReadingField.ReactivePowerExport]);
        Assert.Equal(0.6m, reading[ReadingField.CurrentL1]);
        Assert.Equal("Landis+Gyr", reading.MeterManufacturer);
    }

    [Fact]
    public void Decode_KamstrupWithoutVersionLine_TakesListVersionFromTheIdentification()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("amsreader-kamstrup-p1-gh934-2").Input);

        Assert.Equal("KAM5", reading.ListVersion);
        Assert.Null(reading.MeterType);
        Assert.Equal("Kamstrup", reading.MeterManufacturer);
        Assert.Equal("2025-05-25T18:42:15", reading.MeterTime.ToString());
        Assert.Null(reading.MeterId);
    }

    [Fact]
    public void Decode_KaifaEquipmentIdThatIsNotAscii_KeepsItAsWritten()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("dsmr-nl-v42-kaifa").Input);

        Assert.Equal("3960221976967177082151037881335713", reading.MeterId);
        Assert.Equal("42", reading.ListVersion);
        Assert.Equal("KAIFA-METER", reading.MeterType);
        Assert.Equal(new CosemValue.Text(string.Empty), P1Decoding.Other(reading, "0.0.96.13.0.255"));
        var capture = Assert.IsType<CosemValue.Number>(P1Decoding.Other(reading, "0.1.24.2.1.255"));
        Assert.Equal(981.443m, capture.Value.ToDecimal());
    }

    [Fact]
    public void Decode_NesTimestampWithFourDigitYear_IsTheMeterTime()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("amsreader-nes-dk-gh712-1-p1").Input);

        Assert.Equal("2024-01-11T09:35:00", reading.MeterTime.ToString());
        Assert.Equal("NES", reading.MeterManufacturer);
        Assert.Equal("83335-3E", reading.MeterType);
    }

    [Fact]
    public void Decode_BelgianTelegram_KeepsCapacityTariffValuesInObis()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("dsmr-be-fluvius-v171").Input);

        Assert.Null(reading.MeterManufacturer);
        Assert.Equal(@"FLU5\253769484_A", reading.ListVersion);
        Assert.Equal("53769484_A", reading.MeterType);
        Assert.Equal("1SAG3101021605", reading.MeterId);
        Assert.Equal(new CosemValue.Number(new Measurement(2351, 0), CosemUnit.Watt), P1Decoding.Other(reading, "1.0.1.4.0.255"));
        Assert.Equal(new CosemValue.Number(new Measurement(2589, 0), CosemUnit.Watt), P1Decoding.Other(reading, "1.0.1.6.0.255"));
        Assert.Equal(new CosemValue.Text("50217"), P1Decoding.Other(reading, "0.0.96.1.4.255"));
        Assert.Equal(new CosemValue.Number(new Measurement(112384, -3), CosemUnit.CubicMetre), P1Decoding.Other(reading, "0.1.24.2.3.255"));
        var history = Assert.IsType<CosemValue.Text>(P1Decoding.Other(reading, "0.0.98.1.0.255"));
        Assert.StartsWith("(3)(1-0:1.6.0)(1-0:1.6.0)(200501000000S)", history.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TimestampWithoutMeterClockMeaning_IsATimeValue()
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("ISK5", ["0-0:96.50.68(200512134558S)"]));

        var time = Assert.IsType<CosemValue.Time>(P1Decoding.Other(reading, "0.0.96.50.68.255"));
        Assert.Equal(CosemDateTime.StatusDaylightSaving, time.Value.ClockStatus);
        Assert.Equal("2020-05-12T13:45:58", P1Decoding.Json(reading).GetProperty("obis").GetProperty("0.0.96.50.68.255").GetString());
    }

    [Fact]
    public void Decode_Dsmr22GasProfileOverTwoLines_IsOneTextValue()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("dsmr-nl-v22").Input);

        Assert.Equal(new CosemValue.Text("(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)(00001.001)"), P1Decoding.Other(reading, "0.1.24.3.0.255"));
        Assert.Equal("00000000000000", reading.MeterId);
        Assert.Equal(@"ISk5\2MT382-1004", reading.ListVersion);
        Assert.Null(reading.MeterTime);
    }

    [Fact]
    public void Decode_EasyMeterSerialNumber_KeepsItsLeadingZero()
    {
        var reading = P1Decoding.DecodeSingle(Vectors.ById("dsmr-de-easymeter-q3d").Input);

        Assert.Equal(new CosemValue.Text("0272031312565"), P1Decoding.Other(reading, "1.0.0.0.0.255"));
        Assert.Equal(new CosemValue.Text("1ESY1313002565"), P1Decoding.Other(reading, "0.0.96.1.255.255"));
        Assert.Equal(2124.86m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal("EasyMeter", reading.MeterManufacturer);
        Assert.Equal("Q3DB1024 V3.04", reading.MeterType);
    }

    [Fact]
    public void Decode_MeterNumberWithoutEquipmentIdentifier_IsTheMeterId()
    {
        var reading = P1Decoding.DecodeUnchecked(Vectors.ById("amsreader-elgama-pl-gh1177-1-p1").Input);

        Assert.Equal("3134<redacted>", reading.MeterId);
        Assert.Equal("Elgama", reading.MeterManufacturer);
        Assert.DoesNotContain(reading.Other, o => o.Code.ToString() == "0.0.96.1.0.255");
    }

    [Fact]
    public void Decode_PowerFactorInPercent_IsARatioAsFromDlms()
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("KAM5", ["1-0:13.7.0(99.8*%)", "1-0:33.7.0(0.95)"]));

        Assert.Equal(0.998m, reading[ReadingField.PowerFactor]);
        Assert.Equal(0.95m, reading[ReadingField.PowerFactorL1]);
        Assert.Empty(reading.Other);
    }

    [Fact]
    public void Decode_HexThatIsNotPrintable_IsKeptAsBytes()
    {
        // 0-0:96.13.0 (text message) written as hex: printable ASCII becomes text, anything else bytes.
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("ISK5", ["0-0:96.13.0(00FF1B41)", "0-1:96.1.0(4B38)"]));

        var message = Assert.IsType<CosemValue.Bytes>(P1Decoding.Other(reading, "0.0.96.13.0.255"));
        Assert.Equal([0x00, 0xFF, 0x1B, 0x41], message.Value.ToArray());
        Assert.Equal(new CosemValue.Text("K8"), P1Decoding.Other(reading, "0.1.96.1.0.255"));
    }

    [Fact]
    public void Decode_MeterNumberBeforeEquipmentIdentifier_YieldsToItAndStaysInObis()
    {
        var reading = P1Decoding.DecodeSingle(P1TelegramBuilder.Build("ISK5", ["0-0:96.1.0(12345678)", "0-0:96.1.1(4B38)"]));

        Assert.Equal("K8", reading.MeterId);
        Assert.Equal(new CosemValue.Text("12345678"), P1Decoding.Other(reading, "0.0.96.1.0.255"));
    }

    [Fact]
    public void Decode_RepeatedCode_KeepsTheFirstValueOnly()
    {
        // The Elgama telegram sends 0-0:17.0.0 three times; a JSON object can hold a key once.
        var reading = P1Decoding.DecodeUnchecked(Vectors.ById("amsreader-elgama-pl-gh1177-1-p1").Input);

        Assert.Equal(new CosemValue.Number(new Measurement(16500, 0), null), P1Decoding.Other(reading, "0.0.17.0.0.255"));
        Assert.Equal(21, reading.ListLength);
    }

    [Fact]
    public void Decode_MalformedLines_AreCountedAndTheRestDecoded()
    {
        var decoder = new P1ReadingDecoder();
        var input = P1TelegramBuilder.Build("KAM5", ["1-0:21.7.0(0000.247*kW)", "1-0:4:24.7.0(0000.000*kVAr)", "1-0:44.7.0(0000.182*kVAr"]);

        var readings = P1Decoding.DecodeAll([.. input, .. input], decoder);

        Assert.Equal(2, readings.Count);
        var reading = readings[1];
        Assert.Equal(247m, reading[ReadingField.ActivePowerImportL1]);
        Assert.Empty(reading.Other);
        Assert.Equal(1, reading.ListLength);
        Assert.Equal(4, decoder.MalformedLines); // two in each telegram
    }

    [Fact]
    public void Decode_SameLinesWithChangedValues_SeesEveryChange()
    {
        // One decoder remembers each line of the telegram before: a changed byte must not bring back the old value.
        var decoder = new P1ReadingDecoder();
        byte[] Telegram(string tariff, string gas, string messageHex, string failures) => P1TelegramBuilder.Build(
            "ISK5", [$"0-0:96.14.0({tariff})", $"0-1:24.2.1(200426223001S)({gas}*m3)", $"0-0:96.13.0({messageHex})", $"0-0:96.7.21({failures})"]);
        var first = Telegram("0001", "00246.138", "48656C6C6F", "00005");
        var second = Telegram("0002", "00246.139", "576F726C64", "00006");

        var readings = P1Decoding.DecodeAll([.. first, .. second, .. first, .. first], decoder);

        Assert.Equal(4, readings.Count);
        foreach (var (reading, changed) in readings.Zip([false, true, false, false]))
        {
            Assert.Equal(new CosemValue.Text(changed ? "0002" : "0001"), P1Decoding.Other(reading, "0.0.96.14.0.255"));
            Assert.Equal(new CosemValue.Number(new Measurement(changed ? 246139 : 246138, -3), CosemUnit.CubicMetre), P1Decoding.Other(reading, "0.1.24.2.1.255"));
            Assert.Equal(new CosemValue.Text(changed ? "World" : "Hello"), P1Decoding.Other(reading, "0.0.96.13.0.255"));
            Assert.Equal(new CosemValue.Number(new Measurement(changed ? 6 : 5, 0), null), P1Decoding.Other(reading, "0.0.96.7.21.255"));
        }
    }

    [Fact]
    public void Decode_LinesThatMoveOrChangeCode_KeepTheirOwnMeaning()
    {
        var decoder = new P1ReadingDecoder();
        var first = P1TelegramBuilder.Build("ISK5", ["1-0:1.7.0(00.111*kW)", "0-0:96.14.0(0001)"]);
        var moved = P1TelegramBuilder.Build("ISK5", ["0-0:96.14.0(0001)", "1-0:1.7.0(00.222*kW)", "0-0:96.1.1(4B38)"]);
        var otherCode = P1TelegramBuilder.Build("ISK5", ["0-0:96.7.21(0001)", "0-0:96.14.0(0001)"]);

        var readings = P1Decoding.DecodeAll([.. first, .. moved, .. otherCode, .. first], decoder);

        Assert.Equal(111m, readings[0][ReadingField.ActivePowerImport]);
        Assert.Equal(new CosemValue.Text("0001"), Assert.Single(readings[0].Other).Value);
        Assert.Equal(222m, readings[1][ReadingField.ActivePowerImport]);
        Assert.Equal("K8", readings[1].MeterId);
        Assert.Equal(new CosemValue.Text("0001"), Assert.Single(readings[1].Other).Value);

        // The same bytes under another code are another value: a number here, not the tariff text.
        Assert.Empty(readings[2].Values());
        Assert.Equal(new CosemValue.Number(new Measurement(1, 0), null), P1Decoding.Other(readings[2], "0.0.96.7.21.255"));
        Assert.Equal(new CosemValue.Text("0001"), P1Decoding.Other(readings[2], "0.0.96.14.0.255"));
        Assert.Equal(111m, readings[3][ReadingField.ActivePowerImport]);
        Assert.Null(readings[3].MeterId);
        Assert.Equal(new CosemValue.Text("0001"), Assert.Single(readings[3].Other).Value);
    }

    [Fact]
    public void Decode_RepeatedCodeInEveryTelegram_KeepsTheFirstValueOfEach()
    {
        var decoder = new P1ReadingDecoder();
        var input = P1TelegramBuilder.Build("KAM5", ["0-0:17.0.0(1)", "0-0:17.0.0(2)", "0-0:96.14.0(0001)"]);

        var readings = P1Decoding.DecodeAll([.. input, .. input], decoder);

        Assert.All(readings, reading =>
        {
            Assert.Equal(2, reading.Other.Count);
            Assert.Equal(new CosemValue.Number(new Measurement(1, 0), null), P1Decoding.Other(reading, "0.0.17.0.0.255"));
        });
    }

    [Fact]
    public void Decode_DefaultTelegram_IsMisuse()
    {
        Assert.Throws<ArgumentException>(() => new P1ReadingDecoder().Decode(default));
    }

    [Theory]
    [InlineData("ISk", "Iskraemeco")]
    [InlineData("ISK", "Iskraemeco")]
    [InlineData("KFM", "Kaifa")]
    [InlineData("LGZ", "Landis+Gyr")]
    [InlineData("FLU", null)]
    [InlineData("XYZ", null)]
    public void NameOf_FlagId_IsTheManufacturerOrNull(string flagId, string? name)
    {
        Assert.Equal(name, P1Manufacturers.NameOf(Encoding.ASCII.GetBytes(flagId)));
    }

    [Theory]
    [InlineData("kWh", CosemUnit.WattHour, 3)]
    [InlineData("KWH", CosemUnit.WattHour, 3)]
    [InlineData("kvarh", CosemUnit.VarHour, 3)]
    [InlineData("kVArh", CosemUnit.VarHour, 3)]
    [InlineData("V", CosemUnit.Volt, 0)]
    [InlineData("a", CosemUnit.Ampere, 0)]
    [InlineData("MWh", CosemUnit.WattHour, 6)]
    [InlineData("M3", CosemUnit.CubicMetre, 0)]
    [InlineData("GJ", CosemUnit.Joule, 9)]
    [InlineData("%", CosemUnit.Percent, 0)]
    public void UnitsTryGet_KnownUnitInAnyLetterCase_IsItsCosemUnitAndShift(string text, CosemUnit unit, int shift)
    {
        Assert.True(P1Units.TryGet(Encoding.ASCII.GetBytes(text), out var found, out var foundShift));
        Assert.Equal((unit, shift), (found, foundShift));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mA")]
    [InlineData("kWhh")]
    [InlineData("kvarhs")]
    [InlineData("\0kW")] // a NUL byte in front is no blank to ignore
    [InlineData("k\u00c9")]
    public void UnitsTryGet_UnknownText_HasNoUnit(string text)
    {
        Assert.False(P1Units.TryGet(Encoding.Latin1.GetBytes(text), out _, out _));
    }

    [Theory]
    [InlineData("ISKx")]
    [InlineData("IS")]
    [InlineData("")]
    [InlineData("\0SK")]
    [InlineData("I\u00cbK")]
    public void NameOf_NotAKnownThreeLetterId_IsNull(string flagId)
    {
        Assert.Null(P1Manufacturers.NameOf(Encoding.Latin1.GetBytes(flagId)));
    }
}
