using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// Czech compact-descriptor lists (issue 12 point 3): each value preceded by an untagged class id, OBIS
/// code and attribute. The corpus case is EG.D's specification example; these are a real meter and a
/// sibling with other values.
/// </summary>
public sealed class CompactDescriptorListTests
{
    /// <summary>A real Sagemcom XT211 (ČEZ Distribuce): esphome-libs/dlms_parser@c164597 tests/dumps/raw_sagecom_xt211.log.</summary>
    private const string RealXt211Apdu =
        "0F8000F1D5000202160101160202000100006001 01FF02090A35313030303035313439020200 46000060030AFF0316010202004700001100 00FF030600000000020200460001600 30AFF031601020200460002600 30AFF031600020200460003600 30AFF031600020200460004600 30AFF0316000202000100006 00E00FF02090254320202000301000107 00FF0206000007A40202000301001507 00FF0206000000C60202000301002907 00FF0206000006A70202000301003D07 00FF020600000036020200030100020700FF020600000000020200030100160700FF0206000000000202000301002A0700FF0206000000000202000301003E0700FF020600000000020200030100010800FF0206004AFA82020200030100010801FF020600 0E7AC5020200030100010802FF0206003C7FBC020200030100010803FF020600000000020200030100010804FF020600000000020200030100020800FF02060000 0034";

    [Fact]
    public void Decode_RealXt211List_ReadsEveryValueByItsDescriptor()
    {
        var result = RecordingObserver.Decode(Convert.FromHexString(RealXt211Apdu.Replace(" ", string.Empty, StringComparison.Ordinal)), country: "CZ");

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(1956m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(198m, reading[ReadingField.ActivePowerImportL1]);
        Assert.Equal(1703m, reading[ReadingField.ActivePowerImportL2]);
        Assert.Equal(54m, reading[ReadingField.ActivePowerImportL3]);
        Assert.Equal(0m, reading[ReadingField.ActivePowerExport]);
        Assert.Equal(4913.794m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(948.933m, reading[ReadingField.ActiveEnergyImportTariff1]);
        Assert.Equal(3964.86m, reading[ReadingField.ActiveEnergyImportTariff2]);
        Assert.Equal(0.052m, reading[ReadingField.ActiveEnergyExport]);
        Assert.Contains(reading.Other, value => value.Code.ToString() == "0.0.96.1.1.255" && value.Value == new CosemValue.Text("5100005149"));
        Assert.Contains(reading.Other, value => value.Code.ToString() == "0.0.96.14.0.255" && value.Value == new CosemValue.Text("T2"));
    }

    [Fact]
    public void Decode_EgdListWithOtherValues_ReadsThemWhereverTheyAre()
    {
        // The spec example with 1.7.0 = 2345 W and 1.8.0 = 12345678 Wh.
        var vector = Vectors.ById("dlmsp-egd-example-cz");
        var text = vector.InputHex
            .Replace("0100010700FF020600000003", "0100010700FF020600000929", StringComparison.Ordinal)
            .Replace("0100010800FF020600000008", "0100010800FF020600BC614E", StringComparison.Ordinal);
        Assert.NotEqual(vector.InputHex, text);

        var result = RecordingObserver.Decode(vector, Convert.FromHexString(text));

        Assert.Empty(result.Problems);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(2345m, reading[ReadingField.ActivePowerImport]);
        Assert.Equal(12345.678m, reading[ReadingField.ActiveEnergyImport]);
        Assert.Equal(27, reading.ListLength);
    }

    [Fact]
    public void Decode_CompactListCutShort_IsNotOneWholeMessage()
    {
        var vector = Vectors.ById("dlmsp-egd-example-cz");

        var result = RecordingObserver.Decode(vector, vector.Input[..^4]);

        Assert.Empty(result.Readings);
        Assert.NotEmpty(result.Problems);
    }
}
