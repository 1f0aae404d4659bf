using Han.Protocol;
using Han.Protocol.Dlms;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Readings.Tests;

public sealed class ReadingDecoderTests
{
    [Fact]
    public void Decode_AidonThreeWireList_HasNoCurrentL2()
    {
        var reading = DecodeVector("amshan-aidon-no-list2");

        Assert.Equal("Aidon", reading.MeterManufacturer);
        Assert.False(reading.Has(ReadingField.CurrentL2));
        Assert.Equal(1.3m, reading[ReadingField.CurrentL1]);
        Assert.Equal(12, reading.ListLength);
    }

    [Fact]
    public void Decode_AidonExporting_ReadsNegativeCurrent()
    {
        // IL1 is long 0xFFCD = -51 with scaler -1 (norway-lists.md §3: Aidon currents are signed).
        var reading = DecodeVector("nodered-aidon-6515-1ph-list2-export");

        Assert.Equal(-5.1m, reading[ReadingField.CurrentL1]);
        Assert.Equal(1146m, reading[ReadingField.ActivePowerExport]);
    }

    [Fact]
    public void Decode_KamstrupSinglePhaseWithNullPlaceholders_LeavesPhasesTwoAndThreeAbsent()
    {
        var reading = DecodeVector("amshan-kamstrup-no-list1-1ph-real");

        foreach (var field in new[] { ReadingField.CurrentL2, ReadingField.CurrentL3, ReadingField.VoltageL2, ReadingField.VoltageL3 })
        {
            Assert.False(reading.Has(field), field + " should be absent");
        }

        Assert.Equal(8.96m, reading[ReadingField.CurrentL1]);
        Assert.Empty(reading.Other);
    }

    [Theory]
    [InlineData("amsreader-kamstrup-dk-bornholm-apdu-5digit-voltage", 221.99, 223.14, 223.21)]
    [InlineData("amsreader-kamstrup-dk-gh741-1-plain", 226, 221, 226)]
    public void Decode_DanishKamstrupVoltages_AreReadAtTheResolutionTheFirmwareUses(string id, double l1, double l2, double l3)
    {
        // 2025 firmware sends 22199 for 221.99 V; older firmware sends 226 for 226 V (norway-lists.md §5).
        var reading = DecodeVector(id);

        Assert.Equal((decimal)l1, reading[ReadingField.VoltageL1]);
        Assert.Equal((decimal)l2, reading[ReadingField.VoltageL2]);
        Assert.Equal((decimal)l3, reading[ReadingField.VoltageL3]);
    }

    [Fact]
    public void Decode_ClockMarkedInvalid_LeavesMeterTimeAbsent()
    {
        // Kamstrup's documentation example: header date-time with clock status 0x01 (invalid).
        var reading = DecodeVector("kamstrup-doc-ex1-list1-3ph");

        Assert.Null(reading.MeterTime);
        Assert.Equal("Kamstrup_V0001", reading.ListVersion);
    }

    [Fact]
    public void Decode_AidonListThreeClock_IgnoresTheUntrustedDeviation()
    {
        // Aidon sends deviation 0 with Norwegian local time (norway-lists.md §3); it is not UTC.
        var reading = DecodeVector("amsreader-aidon-no-gh1119-1-list3");

        Assert.NotNull(reading.MeterTime);
        Assert.Null(reading.MeterTime!.Value.Offset);
        Assert.Equal("2025-12-14T16:00:00", reading.MeterTime.ToString());
    }

    [Fact]
    public void Decode_KaifaValueOnlyListThree_ScalesMilliampsDecivoltsAndWattHours()
    {
        var reading = DecodeVector("roarfred-kaifa-obisdata-list3");

        Assert.Equal(1.17m, reading[ReadingField.CurrentL1]);
        Assert.Equal(240.2m, reading[ReadingField.VoltageL1]);
        Assert.Equal(403.233m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal("2017-09-24T10:00:10", reading.MeterTime.ToString());
        Assert.Empty(reading.Other); // the clock object is meter_time (docs/decoder.md §6)
    }

    [Fact]
    public void Decode_LandisGyrPaddedMeterId_DropsTheNulPadding()
    {
        var reading = DecodeVector("amsreader-lg-no-e350-list2");

        Assert.Equal("13943597", reading.MeterId);
        Assert.Equal("Landis+Gyr", reading.MeterManufacturer);
    }

    [Fact]
    public void Decode_ListOneAfterListThree_RemembersTheMeter()
    {
        var decoder = new ReadingDecoder(Country.Norway);
        Decode(decoder, Vectors.ById("roarfred-kaifa-list3-2017-09-13").Input);

        var listOne = Decode(decoder, Vectors.ById("roarfred-kaifa-list1-2017-09-12").Input);

        Assert.Equal("Kaifa", listOne.MeterManufacturer);
        Assert.Equal(Profiles.Kaifa.Profile, decoder.RememberedProfile);
    }

    [Fact]
    public void Decode_AidonListOneAlone_IsReadByItsObisCodes()
    {
        var reading = DecodeVector("hassams-aidon-no-list1");

        Assert.Null(reading.MeterManufacturer);
        Assert.Equal(733m, reading[ReadingField.ActivePowerImport]);
    }

    [Fact]
    public void Decode_UnitThatDoesNotFitTheField_KeepsTheValueUnderItsObisCode()
    {
        // P+ (1-0:1.7.0) sent with unit V, and an unknown code 1-0:99.7.0 = 100 × 10^-1 W.
        var apdu = Convert.FromHexString(
            "0F40000000000102" +
            "020309060100010700FF06000003E802020F001623" +
            "020309060100630700FF12006402020F FF161B".Replace(" ", string.Empty, StringComparison.Ordinal));

        var reading = new ReadingDecoder().Decode(DataNotification.Parse(apdu));

        Assert.False(reading.Has(ReadingField.ActivePowerImport));
        Assert.Collection(
            reading.Other,
            power =>
            {
                Assert.Equal("1.0.1.7.0.255", power.Code.ToString());
                var number = Assert.IsType<CosemValue.Number>(power.Value);
                Assert.Equal(1000m, number.Value.ToDecimal());
                Assert.Equal(Protocol.Cosem.CosemUnit.Volt, number.Unit);
            },
            unknown =>
            {
                Assert.Equal("1.0.99.7.0.255", unknown.Code.ToString());
                Assert.Equal(10m, Assert.IsType<CosemValue.Number>(unknown.Value).Value.ToDecimal());
            });
    }

    [Fact]
    public void Decode_ValueOnlyListOfUnknownLength_KeepsTheValuesAndSaysTheLayoutIsUnknown()
    {
        // A structure of three bare values from a meter that never named itself.
        var apdu = Convert.FromHexString("0F4000000000020306000000011200021100");

        var reading = new ReadingDecoder().Decode(DataNotification.Parse(apdu));

        var remark = Assert.Single(reading.Remarks);
        Assert.Equal(DecodeError.UnknownLayout, remark.Error);
        Assert.Contains("list of 3 unnamed values", remark.Detail, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], reading.Unnamed.Select(u => u.Index));
        Assert.Equal(2m, Assert.IsType<CosemValue.Number>(reading.Unnamed[1].Value).Value.ToDecimal());
        Assert.Empty(reading.Values());
    }

    [Fact]
    public void Decode_NamedListWithAStrayValue_KeepsItByPosition()
    {
        // An array of object structures whose second element is a bare unsigned 5.
        var apdu = Convert.FromHexString("0F400000000001020202090601000107 00FF0600000001 1105".Replace(" ", string.Empty, StringComparison.Ordinal));

        var reading = new ReadingDecoder().Decode(DataNotification.Parse(apdu));

        Assert.Equal(1m, reading[ReadingField.ActivePowerImport]);
        var (index, value) = Assert.Single(reading.Unnamed);
        Assert.Equal(1, index);
        Assert.Equal(5m, Assert.IsType<CosemValue.Number>(value).Value.ToDecimal());
    }

    [Fact]
    public void Decode_ObjectStructureWithABrokenScalerUnit_FailsAtThatElement()
    {
        // {OBIS 1-0:1.7.0, 1, integer 0}: a third member that is not {integer, enum}.
        var apdu = Convert.FromHexString("0F40000000000101020309060100010700FF06000000010F00");

        var problem = Assert.Throws<DecodeException>(() => new ReadingDecoder().Decode(DataNotification.Parse(apdu)));

        // Offsets from the reading layer count from the start of the notification body.
        Assert.Equal(DecodeError.UnexpectedElement, problem.Error);
        Assert.Equal(17, problem.Offset);
    }

    [Fact]
    public void Decode_ListASenderCouldNotHaveSent_IsNotForcedIntoThatSendersProfile()
    {
        // Kaifa has no 14-value positional list: the list is recognised by its layout instead.
        var apdu = Vectors.ById("amsreader-lg-at-lng2-decrypted-annotated").Input;

        var reading = new ReadingDecoder(Country.Parse("AT")).Decode(DataNotification.Parse(apdu), senderId: "KFM");

        Assert.Equal("Landis+Gyr", reading.Profile);
        Assert.NotNull(reading[ReadingField.VoltageL1]);
    }

    private static MeterReading DecodeVector(string id)
    {
        var vector = Vectors.ById(id);
        return Decode(new ReadingDecoder(Country.Parse(vector.Country)), vector.Input);
    }

    private static MeterReading Decode(ReadingDecoder decoder, byte[] input)
    {
        var apdu = input[0] == HdlcFrame.Flag ? Llc.Strip(HdlcFrameBuilder.InformationOf(input)) : Llc.Strip(input);
        return decoder.Decode(DataNotification.Parse(apdu));
    }
}
