using Han.Sources.Serial;
using Han.Sources.Tests.Serial.Uart;

namespace Han.Sources.Tests.Serial;

public sealed class LineSettingsStoreTests : IDisposable
{
    private const string Kamstrup = "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10KZQ9E-if00-port0";
    private const string Aidon = "/dev/ttyUSB1";
    private static readonly DateTimeOffset Noon = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("han-line-settings-").FullName;

    private string StatePath => Path.Combine(_folder, "state", "han", "line-settings.json");

    [Fact]
    public void Recall_WhatWasRemembered_ForEachDevice()
    {
        var store = new LineSettingsStore(StatePath);

        store.Remember(Kamstrup, LineSettings.Parse("2400 8N1"), Noon);
        store.Remember(Aidon, LineSettings.Parse("2400 8E1"), Noon);
        store.Remember(Kamstrup, LineSettings.Parse("2400 8N1"), Noon.AddDays(1));

        var again = new LineSettingsStore(StatePath);
        Assert.Equal(LineSettings.Parse("2400 8N1"), again.Recall(Kamstrup));
        Assert.Equal(LineSettings.Parse("2400 8E1"), again.Recall(Aidon));
        Assert.Null(again.Recall("/dev/ttyACM0"));
        Assert.Contains("\"settings\": \"2400 8N1\"", File.ReadAllText(StatePath), StringComparison.Ordinal);
        Assert.Contains("\"detected\": \"2026-02-01T12:00:00+00:00\"", File.ReadAllText(StatePath), StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath + ".tmp"));
    }

    [Fact]
    public void Recall_NoFileYet_RemembersNothing() => Assert.Null(new LineSettingsStore(StatePath).Recall(Kamstrup));

    [Theory]
    [InlineData("{ \"/dev/ttyUSB0\": { \"settings\": \"2400 8E1\" ")]
    [InlineData("[]")]
    [InlineData("{ \"/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10KZQ9E-if00-port0\": { \"settings\": \"2401 8E1\" } }")]
    public void Recall_FileNotWrittenByHan_RemembersNothingAndIsWrittenAnew(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        File.WriteAllText(StatePath, content);
        var store = new LineSettingsStore(StatePath);

        Assert.Null(store.Recall(Kamstrup));
        store.Remember(Kamstrup, LineSettings.Parse("2400 8N1"), Noon);
        Assert.Equal(LineSettings.Parse("2400 8N1"), new LineSettingsStore(StatePath).Recall(Kamstrup));
    }

    /// <summary>The next start tries what worked last time first: one listen instead of two for a Kamstrup.</summary>
    [Fact]
    public async Task DetectAsync_SecondStart_TriesTheRememberedSettingFirst()
    {
        var detection = new LineAutoDetection(new LineSettingsDetector(), new LineSettingsStore(StatePath), TimeProvider.System);
        var firstStart = KamstrupProbe();
        var secondStart = KamstrupProbe();

        await detection.DetectAsync(Kamstrup, firstStart);
        var second = await detection.DetectAsync(Kamstrup, secondStart);

        Assert.Equal(["2400 8E1", "2400 8N1"], firstStart.Tried.Select(s => s.ToString()));
        Assert.Equal(["2400 8N1"], secondStart.Tried.Select(s => s.ToString()));
        Assert.Equal(LineSettings.Parse("2400 8N1"), second.Settings);
    }

    [Fact]
    public async Task DetectAsync_OnlyDamagedFrames_IsNotRemembered()
    {
        var good = TestCorpus.RealFrames.AidonList3;
        var bad = good.ToArray();
        bad[50] ^= 0x01;
        var probe = new ScriptedProbe().At("2400 8E1", [.. good, .. bad, .. good, .. bad]);

        var detection = await new LineAutoDetection(new LineSettingsDetector(), new LineSettingsStore(StatePath), TimeProvider.System).DetectAsync(Aidon, probe);

        Assert.Equal(LineDetectionCertainty.Unreliable, detection.Certainty);
        Assert.Null(new LineSettingsStore(StatePath).Recall(Aidon));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static UartLineProbe KamstrupProbe() =>
        new(RealLine.All["Kamstrup"].Line(), FramingRecovery.NextFallingEdge, countsLineErrors: false);
}
