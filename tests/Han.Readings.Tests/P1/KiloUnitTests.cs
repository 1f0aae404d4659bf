using Han.TestCorpus;

namespace Han.Readings.Tests.P1;

/// <summary>
/// Lithuanian ESO meters write voltages in kV, currents in kA and the frequency in kHz (issue 12
/// point 6). The lines are the ones an ESO customer published whole in
/// https://github.com/esphome-libs/dsmr_parser/pull/17 (meter id masked by its owner as there); the
/// stored copy of that page ends at line 1-0:43.7.0, so the telegram is built from the lines before it
/// and closed without a checksum.
/// </summary>
public sealed class KiloUnitTests
{
    private static readonly string[] EsoLines =
    [
        "0-0:1.0.0(230808113811S)",
        "1-0:1.8.0(00009548.086*kWh)",
        "1-0:3.8.0(00000026.348*kvarh)",
        "1-0:4.8.0(00005851.642*kvarh)",
        "1-0:1.8.1(00009548.086*kWh)",
        "1-0:1.8.2(00000000.000*kWh)",
        "1-0:1.8.3(00000000.000*kWh)",
        "1-0:1.8.4(00000000.000*kWh)",
        "1-0:2.8.1(00007251.697*kWh)",
        "1-0:2.8.2(00000000.000*kWh)",
        "1-0:2.8.3(00000000.000*kWh)",
        "1-0:2.8.4(00000000.000*kWh)",
        "1-0:3.8.1(00000026.348*kvarh)",
        "1-0:3.8.2(00000000.000*kvarh)",
        "1-0:3.8.3(00000000.000*kvarh)",
        "1-0:3.8.4(00000000.000*kvarh)",
        "1-0:4.8.1(00005851.642*kvarh)",
        "1-0:4.8.2(00000000.000*kvarh)",
        "1-0:4.8.3(00000000.000*kvarh)",
        "1-0:4.8.4(00000000.000*kvarh)",
        "1-0:32.7.0(0000.242*kV)",
        "1-0:32.24.0(0000.237*kV)",
        "1-0:31.7.0(0000.005*kA)",
        "1-0:31.4.0(0000.003*kA)",
        "1-0:52.7.0(0000.228*kV)",
        "1-0:52.24.0(0000.227*kV)",
        "1-0:51.7.0(0000.004*kA)",
        "1-0:51.4.0(0000.002*kA)",
        "1-0:72.7.0(0000.239*kV)",
        "1-0:72.24.0(0000.236*kV)",
        "1-0:71.7.0(0000.004*kA)",
        "1-0:71.4.0(0000.002*kA)",
        "1-0:12.7.0(0000.242*kV)",
        "1-0:11.7.0(0000.005*kA)",
        "1-0:91.7.0(0000.000*kA)",
        "1-0:90.7.0(0000.014*kA)",
        "1-0:14.7.0(0000.049*kHz)",
        "1-0:15.7.0(00000003.262*kW)",
        "1-0:21.7.0(00000000.000*kW)",
        "1-0:41.7.0(00000000.000*kW)",
        "1-0:61.7.0(00000000.000*kW)",
        "1-0:22.7.0(00000001.186*kW)",
        "1-0:42.7.0(00000001.061*kW)",
        "1-0:62.7.0(00000001.014*kW)",
        "1-0:23.7.0(00000000.000*kvar)",
    ];

    [Fact]
    public void Decode_EsoTelegramInKilovoltsAndKiloamperes_ReadsVoltsAmperesAndHertzExactly()
    {
        var telegram = P1TelegramBuilder.Build("ESO5\\XxXxXxXxXxX", EsoLines, crc: false);

        var reading = P1Decoding.DecodeSingle(telegram);

        Assert.Equal(242m, reading[ReadingField.VoltageL1]);
        Assert.Equal(228m, reading[ReadingField.VoltageL2]);
        Assert.Equal(239m, reading[ReadingField.VoltageL3]);
        Assert.Equal(5m, reading[ReadingField.CurrentL1]);
        Assert.Equal(4m, reading[ReadingField.CurrentL3]);
        Assert.Equal(49m, reading[ReadingField.Frequency]);
        Assert.Equal(1186m, reading[ReadingField.ActivePowerExportL1]);
        Assert.Equal(9548.086m, reading[ReadingField.ActiveEnergyImport]);

        // The rescaled values agree with each other: 1186 W exported on L1 is within 242 V x 5 A = 1210 VA.
        Assert.True(reading[ReadingField.ActivePowerExportL1] <= reading[ReadingField.VoltageL1] * reading[ReadingField.CurrentL1]);
    }

    [Fact]
    public void Decode_PowerFactorInThousandthsWithoutAUnit_StaysInObisNotInTheRatioField()
    {
        // ESO's power factor line as a public ESO P1 parser documents it (1-0:13.7.0(00998) for 0.998).
        var telegram = P1TelegramBuilder.Build("ESO5\\XxXxXxXxXxX", [.. EsoLines, "1-0:13.7.0(00998)"], crc: false);

        var reading = P1Decoding.DecodeSingle(telegram);

        Assert.Null(reading[ReadingField.PowerFactor]);
        Assert.Equal(new CosemValue.Number(new Measurement(998, 0), null), P1Decoding.Other(reading, "1.0.13.7.0.255"));
        Assert.Equal(242m, reading[ReadingField.VoltageL1]);
    }
}
