using Han.Protocol;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// The value-only lists Slovenian and Croatian distribution companies configure on Iskraemeco meters
/// (issue 12 points 3 and 6; corpus file cases-europe-3.json): each is read from a sibling of its real
/// frame with other values (checksums computed afresh), and lists of the same length are told apart by
/// the kinds of their values, never read with another list's meanings.
/// </summary>
public sealed class IskraemecoVariantTests
{
    [Fact]
    public void Decode_CeljeListWithOtherValues_ReadsVoltagesCurrentsAndPowersByPosition()
    {
        // U1 233.7 V, I1 5.12 A, P+ 2560 W: the sum of U x I (2612 VA) still covers P.
        var vector = Vectors.ById("amsreader-iskra-si-gh615-8-celje-12");
        var frame = SiblingFrames.Replace(vector.Input, "12090A", "120921");
        frame = SiblingFrames.Replace(frame, "1201C3", "120200");
        frame = SiblingFrames.Replace(frame, "060000095F", "0600000A00");

        var result = RecordingObserver.Decode(vector, frame);

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Empty(reading.Remarks);
        Assert.Equal("Iskraemeco", reading.MeterManufacturer);
        Assert.Equal(233.7m, reading[ReadingField.VoltageL1]);
        Assert.Equal(230.3m, reading[ReadingField.VoltageL2]);
        Assert.Equal(5.12m, reading[ReadingField.CurrentL1]);
        Assert.Equal(0.88m, reading[ReadingField.CurrentL3]);
        Assert.Equal(2560m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(264m, reading[ReadingField.ReactivePowerExport]);

        // Twelve values like ECE list 2, but none of them is read as an energy register.
        Assert.Null(reading[ReadingField.ActiveEnergyImport]);
        Assert.Contains(reading.Unnamed, value => value.Index == 1 && value.Value == new CosemValue.Text("UP_3f"));
    }

    [Fact]
    public void Decode_TwelveValuesOfNeitherKnownKind_IsAnUnknownLayoutNotAnotherListsMeanings()
    {
        // The Celje list with its first voltage turned into a one-letter string: neither ECE list 2
        // (a switch state third) nor the Celje list (a number third) fits, so nothing is guessed.
        var vector = Vectors.ById("amsreader-iskra-si-gh615-8-celje-12");
        var frame = SiblingFrames.Replace(vector.Input, "12090A", "090141");

        var result = RecordingObserver.Decode(vector, frame);

        var reading = Assert.Single(result.Readings);
        Assert.Contains(reading.Remarks, remark => remark.Error == DecodeError.UnknownLayout);
        Assert.Empty(reading.Values());
        Assert.Equal("ISK1030789014731", reading.ListVersion);
        Assert.Equal(11, reading.Unnamed.Count);
    }

    [Fact]
    public void Decode_EceListTwoWithAnEnumDisconnectorAndOtherRegisters_ReadsEachByItsPosition()
    {
        // A+ 200000 Wh = T1 150000 + T2 50000.
        var vector = Vectors.ById("amsreader-iskra-si-gh615-2-ece-list2-enum");
        var frame = SiblingFrames.Replace(vector.Input, "060000CE65" + "0600003519" + "060000994C", "0600030D40" + "06000249F0" + "060000C350");

        var result = RecordingObserver.Decode(vector, frame);

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(200m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(150m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(50m, reading[ReadingField.ActiveEnergyImportTariff2]);
        Assert.Equal(177.927m, reading[ReadingField.ActiveEnergyExport]);
        Assert.Equal(43.253m, reading[ReadingField.ReactiveEnergyExport]);
    }

    [Fact]
    public void Decode_LjubljanaOnePhaseListWithOtherValues_ReadsPowerAndVoltageAndKeepsTheUnnamedByPosition()
    {
        // P+ 1024 W, U1 232.0 V.
        var vector = Vectors.ById("amsreader-iskra-si-gh869-1-one-phase-9");
        var frame = SiblingFrames.Replace(vector.Input, "0600000175", "0600000400");
        frame = SiblingFrames.Replace(frame, "1208FD", "120910");

        var result = RecordingObserver.Decode(vector, frame);

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal("ISK84605887", reading.MeterId);
        Assert.Equal(1024m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(232m, reading[ReadingField.VoltageL1]);
        Assert.Null(reading[ReadingField.CurrentL1]);
        Assert.Equal([7, 8], reading.Unnamed.Select(value => value.Index));
    }

    [Fact]
    public void Decode_LjubljanaEnergyListWithOtherRegisters_ReadsTotalsAndTariffs()
    {
        // A bare APDU (no checksum to compute): A+ 1000000 Wh = T1 600000 + T2 400000.
        var vector = Vectors.ById("amsreader-iskra-si-gh869-6-energy-9");
        var text = vector.InputHex.Replace("0600C328BE0600577A2606006BAE98", "06000F4240" + "06000927C0" + "0600061A80", StringComparison.Ordinal);
        Assert.NotEqual(vector.InputHex, text);

        var result = RecordingObserver.Decode(vector, Convert.FromHexString(text));

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(1000m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(600m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(400m, reading[ReadingField.ActiveEnergyImportTariff2]);
        Assert.Equal(0.112m, reading[ReadingField.ActiveEnergyExportTariff1]);
        Assert.Equal(625m, reading[ReadingField.ActivePowerImport]);
    }

    [Fact]
    public void Decode_QuarterHourListWithAnotherRegister_ReadsTheMeterNumberAndBothTotals()
    {
        // A+ 8000000 Wh.
        var vector = Vectors.ById("amsreader-iskra-si-gh869-3-quarter-hour-4");
        var frame = SiblingFrames.Replace(vector.Input, "060078EBA1", "06007A1200");

        var result = RecordingObserver.Decode(vector, frame);

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal("Iskraemeco", reading.MeterManufacturer);
        Assert.Equal("84605887", reading.MeterId);
        Assert.Equal(8000m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(0m, reading[ReadingField.ActiveEnergyExport]);
    }

    [Fact]
    public void Decode_AnotherRealIe5ListFromCroatia_ReadsItsOwnValues()
    {
        // amsreader-firmware@a88a0be test/payloads/iskraemeco/gh1072-4.hex: the same meter 16 days later
        // (https://github.com/UtilitechAS/amsreader-firmware/issues/1072), decoded here by hand.
        const string Apdu =
            "0F0003463B0C07E90C130517372800FFC400022109083932303239363931090417372800090507E90C130506006C285A06004B761A060020B24006005868AA060057A162060000C748060017EED7060012F55C060000D96A0600153684060000017E0600000000120379060000007F06000000BD060000004106000000000600000000060000000012095412093512094912003712005912004D060000436201011224B801011224B801011224B80301";
        var vector = Vectors.ById("amsreader-iskra-hr-gh1072-3-ie5-33");

        var result = RecordingObserver.Decode(vector, Convert.FromHexString(Apdu));

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Empty(reading.Remarks);
        Assert.Equal("Iskraemeco", reading.MeterManufacturer);
        Assert.Equal("92029691", reading.MeterId);
        Assert.Equal(7088.218m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(4945.434m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(5793.962m, reading[ReadingField.ActiveEnergyExport]);
        Assert.Equal(382m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(0.889m, reading[ReadingField.PowerFactor]);
        Assert.Equal(127m, reading[ReadingField.ActivePowerImportL1]);
        Assert.Equal(238.8m, reading[ReadingField.VoltageL1]);
        Assert.Equal(0.89m, reading[ReadingField.CurrentL2]);
        Assert.Equal([1, 2, 28, 29, 30, 31, 32], reading.Unnamed.Select(value => value.Index));
    }
}
