using Han.Protocol;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// One physical-consistency rule chooses among a profile's documented resolutions (issue 12 points 1
/// and 2), shown on siblings of real frames with other values, re-sealed: the rule works, not the frame.
/// </summary>
public sealed class ResolutionTests
{
    // The E570's last segment: P+, P-, U1-U3, I1-I3 as long64 (258874 W, 0 W, 229/230/229, 400/200/601).
    private const string E570Values =
        "14000000000003F33A" + "140000000000000000" + "1400000000000000E5" + "1400000000000000E6" + "1400000000000000E5"
        + "140000000000000190" + "1400000000000000C8" + "140000000000000259";

    [Fact]
    public void Decode_KamstrupPowerFactorInThousandths_IsARatio()
    {
        // PF 941 with Q 389 var for P 1083 W (0.941), phases 1000, 990, 950.
        var frame = Kamstrup(
            ("090601010D0700FF120053", "090601010D0700FF1203AD"),
            ("09060101040700FF06000002CE", "09060101040700FF0600000185"),
            ("09060101210700FF12001F", "09060101210700FF1203E8"),
            ("09060101350700FF120057", "09060101350700FF1203DE"),
            ("09060101490700FF120055", "09060101490700FF1203B6"));

        var reading = Decode("dlmsp-kamstrup-omnipower-dk-enc", frame);

        Assert.Equal(0.941m, reading[ReadingField.PowerFactor]);
        Assert.Equal(1m, reading[ReadingField.PowerFactorL1]);
        Assert.Equal(0.99m, reading[ReadingField.PowerFactorL2]);
        Assert.Equal(0.95m, reading[ReadingField.PowerFactorL3]);
    }

    [Fact]
    public void Decode_PowerFactorThatFitsTwoResolutions_IsTheOneThatAgreesWithPAndQ()
    {
        // 94 reads as 0.94 or 0.094; P 150 W with Q 1590 var is a factor of 0.094.
        var frame = Kamstrup(
            ("090601010D0700FF120053", "090601010D0700FF12005E"),
            ("09060101010700FF060000043B", "09060101010700FF0600000096"),
            ("09060101040700FF06000002CE", "09060101040700FF0600000636"));

        var reading = Decode("dlmsp-kamstrup-omnipower-dk-enc", frame);

        Assert.Equal(0.094m, reading[ReadingField.PowerFactor]);
    }

    [Fact]
    public void Decode_CurrentTransformerMeterUnderLoad_ReadsWholeAmperes()
    {
        // 150/80/95 A at 231/232/230 V carry 71307 W; at 0.01 A they could carry 750 VA.
        var reading = DecodeE570(E570(p: 71307, u: [231, 232, 230], i: [150, 80, 95]));

        Assert.Equal([150m, 80m, 95m], Currents(reading));
        Assert.Empty(Remarks(reading));
    }

    [Fact]
    public void Decode_SameListAtLightLoad_KeepsTheVendorsUsualHundredths()
    {
        // The same raw currents with 700 W are 1.5/0.8/0.95 A: L+G's usual 0.01 A is consistent.
        var reading = DecodeE570(E570(p: 700, u: [231, 232, 230], i: [150, 80, 95]));

        Assert.Equal([1.5m, 0.8m, 0.95m], Currents(reading));
    }

    [Fact]
    public void Decode_LandisGyrVoltagesInTenths_AreReadAsVolts()
    {
        // A VSE 2026 list sends 2291 for 229.1 V where older lists sent whole volts.
        var reading = DecodeE570(E570(p: 700, u: [2291, 2302, 2288], i: [150, 80, 95]));

        Assert.Equal(229.1m, reading[ReadingField.VoltageL1]);
        Assert.Equal(230.2m, reading[ReadingField.VoltageL2]);
        Assert.Equal(228.8m, reading[ReadingField.VoltageL3]);
        Assert.Equal(1.5m, reading[ReadingField.CurrentL1]);
    }

    [Fact]
    public void Decode_NoResolutionConsistent_KeepsTheUsualOneAndSaysSo()
    {
        // 50 V is no grid's; at 5 V (phases off) neither 4 A nor 400 A could carry 258874 W.
        var result = RecordingObserver.Decode(Vectors.ById("sdc-lg-e570-ch-vse2026-load"), E570(p: 258874, u: [50, 50, 50], i: [400, 200, 601]));

        var reading = Assert.Single(result.Readings);
        Assert.Equal(50m, reading[ReadingField.VoltageL1]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(DecodeError.ImplausibleValues, problem.Error);
        Assert.Contains("voltage_l1 50 V", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amshan-kaifa-no-list2")]
    [InlineData("roarfred-kaifa-list3-2017-09-13")]
    public void Decode_ThreeWireMeterInAnItGrid_IsConsistentWithItsZeroVoltReference(string id)
    {
        // Norwegian IT grids: UL2 = 0 V while IL2 flows; that is a real reading, not an implausible one.
        var result = RecordingObserver.Decode(Vectors.ById(id));

        var reading = Assert.Single(result.Readings);
        Assert.Equal(0m, reading[ReadingField.VoltageL2]);
        Assert.NotEqual(0m, reading[ReadingField.CurrentL2]);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Decode_SwissStandardListOfAnIskraMeter_IsReadAsIskraemeco()
    {
        // The 2026 VSE lists of Iskraemeco and L+G differ only in their logical device name (ISK..., LGZ...).
        var iskra = Assert.Single(RecordingObserver.Decode(Vectors.ById("sdc-iskra-am550-ch-vse2026")).Readings);
        var landisGyr = Assert.Single(RecordingObserver.Decode(Vectors.ById("sdc-lg-e570-ch-vse2026-load")).Readings);

        Assert.Equal("Iskraemeco", iskra.MeterManufacturer);
        Assert.Equal("Landis+Gyr", landisGyr.MeterManufacturer);
    }

    private static byte[] Kamstrup(params (string Old, string New)[] changes)
    {
        var vector = Vectors.ById("dlmsp-kamstrup-omnipower-dk-enc");
        var frame = vector.Input;
        foreach (var (old, replacement) in changes)
        {
            frame = SiblingFrames.ReplaceCiphered(vector with { InputHex = Convert.ToHexString(frame) }, old, replacement);
        }

        return frame;
    }

    private static byte[] E570(long p, long[] u, long[] i)
    {
        var values = string.Concat(new[] { p, 0L }.Concat(u).Concat(i).Select(value => "14" + value.ToString("X16", System.Globalization.CultureInfo.InvariantCulture)));
        return SiblingFrames.Replace(Vectors.ById("sdc-lg-e570-ch-vse2026-load").Input, E570Values, values);
    }

    private static MeterReading Decode(string id, byte[] input)
    {
        var result = RecordingObserver.Decode(Vectors.ById(id), input);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Readings);
    }

    private static MeterReading DecodeE570(byte[] input) => Decode("sdc-lg-e570-ch-vse2026-load", input);

    private static decimal?[] Currents(MeterReading reading) =>
        [reading[ReadingField.CurrentL1], reading[ReadingField.CurrentL2], reading[ReadingField.CurrentL3]];

    private static IReadOnlyList<ReadingRemark> Remarks(MeterReading reading) => reading.Remarks;
}
