using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// The positional lists of issue 12 point 3: ZPA AM375 (PRE Distribuce) and the Slovenian Iskra ECE
/// list 2, each on a frame other than the corpus case's, so that the layout, not one frame, is tested.
/// </summary>
public sealed class PositionalListTests
{
    /// <summary>
    /// A real AM375 (jktjkt/esphome-libs-dlms_parser@aab2fb8 tests/expected/raw_zpa_am375_flat_predistribuce_20260924.h):
    /// a 12-byte list identifier as long as a date-time, energies as long64-unsigned where the datasheet
    /// example has double-long-unsigned, and the clock's deviation +120 for Prague summer time.
    /// </summary>
    private const string RealZpaApdu =
        "0F0000000300021609 0C5A5041334841 4E3030323030090C07EA0918 04112E0100007880 09074730333534393916 01060000000016 0016001600160009 025431060000026506 0000005206000000 3206000001E10600 0000000600000000 0600000000060000 0000150000000000 4965F31500000000 004946CB15000000 0000001F28150000 0000000104F6";

    [Fact]
    public void Decode_RealZpaMeter_ReadsItsTwelveByteIdentifierAsTextAndItsClockWithTheRightSign()
    {
        var result = RecordingObserver.Decode(Convert.FromHexString(RealZpaApdu.Replace(" ", string.Empty, StringComparison.Ordinal)), country: "CZ");

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal("ZPA", reading.MeterManufacturer);
        Assert.Equal("ZPA3HAN00200", reading.ListVersion);
        Assert.Equal("2026-09-24T17:46:01+02:00", reading.MeterTime.ToString());
        Assert.Equal(613m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(82m, reading[ReadingField.ActivePowerImportL1]);
        Assert.Equal(481m, reading[ReadingField.ActivePowerImportL3]);
        Assert.Equal(4810.227m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(4802.251m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(7.976m, reading[ReadingField.ActiveEnergyImportTariff2]);
        Assert.Equal(66.806m, reading[ReadingField.ActiveEnergyExport]);
        Assert.Contains(reading.Other, value => value.Code.ToString() == "0.0.96.1.1.255" && value.Value == new CosemValue.Text("G035499"));
    }

    [Fact]
    public void Decode_IskraEceListTwoWithOtherRegisters_ReadsEachByItsPosition()
    {
        // A+ 123456 Wh = T1 100000 + T2 23456; the frame's FCS computed afresh.
        var vector = Vectors.ById("athom-slovenia-ece-list2");
        var frame = SiblingFrames.Replace(vector.Input, "0600000EE2" + "0600000000" + "0600000EE2", "060001E240" + "06000186A0" + "0600005BA0");

        var result = RecordingObserver.Decode(vector, frame);

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal("Iskraemeco", reading.MeterManufacturer);
        Assert.Equal(123.456m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(100m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(23.456m, reading[ReadingField.ActiveEnergyImportTariff2]);
        Assert.Equal(4.531m, reading[ReadingField.ReactiveEnergyImport]);
        Assert.Contains(reading.Other, value => value.Code.ToString() == "0.0.96.3.10.255" && value.Value == new CosemValue.Boolean(true));
    }
}
