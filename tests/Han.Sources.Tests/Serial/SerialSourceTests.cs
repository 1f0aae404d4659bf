using Han.Sources.Live;
using Han.Sources.Serial;
using Han.Sources.Tests.Live;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Sources.Tests.Serial;

/// <summary>The serial source on real pseudo-terminals (socat): bytes with their time, a missing device, and an adapter unplugged and plugged in again.</summary>
public sealed class SerialSourceTests
{
    private static readonly SerialSourceOptions Quick = new() { ReopenInterval = TimeSpan.FromMilliseconds(100), SilenceWarning = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task ReadAsync_MeterSendsAFrame_DeliversItsBytesWithTheirTime()
    {
        using var pair = new PseudoTerminalPair();
        var events = new List<SourceEvent>();
        var source = new SerialSource(pair.ReaderEnd, LineSettings.Parse("2400 8E1"), Quick, TimeProvider.System, e => Keep(events, e));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var frame = RealFrames.KamstrupList2;
        var before = DateTimeOffset.UtcNow;

        var reading = SourceReading.TakeAsync(source, frame.Length, timeout.Token);
        await WaitUntilAsync(() => Connections(events) == 1, timeout.Token); // the device is open
        pair.Send(frame);
        var chunks = await reading;

        Assert.Equal(frame, chunks.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.All(chunks, chunk => Assert.InRange(chunk.ReceivedAt, before, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task ReadAsync_NoSuchDevice_SaysSoAndNamesTheDevicesThatExist()
    {
        using var pair = new PseudoTerminalPair();
        var missing = pair.ReaderEnd + "-nope";
        var source = new SerialSource(missing, LineSettings.Parse("2400 8E1"), Quick, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<SourceUnavailableException>(() => SourceReading.TakeAsync(source, 1, CancellationToken.None));

        Assert.StartsWith($"{missing} does not exist; ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AdapterUnpluggedAndPluggedInAgain_WaitsAndReadsOn()
    {
        using var pair = new PseudoTerminalPair();
        var events = new List<SourceEvent>();
        var source = new SerialSource(pair.ReaderEnd, LineSettings.Parse("2400 8N1"), Quick, TimeProvider.System, e => Keep(events, e));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = SourceReading.TakeAsync(source, 4, timeout.Token);
        await WaitUntilAsync(() => Connections(events) == 1, timeout.Token); // the device is open
        pair.Send([1, 2]);
        await Task.Delay(300, timeout.Token); // read before the unplug: nothing outside the source tells when it has

        pair.Unplug();
        await WaitUntilAsync(() => Disconnections(events) >= 1, timeout.Token); // the source saw the adapter go
        pair.PlugIn();
        await WaitUntilAsync(() => Connections(events) == 2, timeout.Token);

        pair.Send([3, 4]);
        var chunks = await reading;

        Assert.Equal([1, 2, 3, 4], chunks.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.Equal([3], chunks.Where(chunk => chunk.AfterBreak).Select(chunk => chunk.Bytes.Span[0])); // only the first bytes after the adapter came back
        Assert.Contains(events, e => e.State == SourceState.Disconnected && e.Message.EndsWith("; waiting for it to come back", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_DevicesWithStableNames_ListsTheStableNameWithItsDevice()
    {
        var dev = Directory.CreateTempSubdirectory("han-test-dev-").FullName;
        Directory.CreateDirectory(Path.Combine(dev, "serial", "by-id"));
        File.WriteAllText(Path.Combine(dev, "ttyUSB0"), string.Empty);
        File.WriteAllText(Path.Combine(dev, "ttyAMA0"), string.Empty);
        File.CreateSymbolicLink(Path.Combine(dev, "serial", "by-id", "usb-FTDI_FT232R_USB_UART_A10K-if00-port0"), "../../ttyUSB0");

        var lines = SerialDevices.Describe(dev);

        Directory.Delete(dev, recursive: true);
        Assert.Equal([$"{dev}/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K-if00-port0 ({dev}/ttyUSB0)", $"{dev}/ttyAMA0"], lines);
    }

    private static int Connections(List<SourceEvent> events)
    {
        lock (events)
        {
            return events.Count(e => e.State == SourceState.Connected);
        }
    }

    private static int Disconnections(List<SourceEvent> events)
    {
        lock (events)
        {
            return events.Count(e => e.State == SourceState.Disconnected);
        }
    }

    private static void Keep(List<SourceEvent> events, SourceEvent happened)
    {
        lock (events)
        {
            events.Add(happened);
        }
    }

    /// <summary>Waits for <paramref name="condition"/>; the test's own timeout ends a wait that lasts too long.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken timeout)
    {
        while (!condition())
        {
            await Task.Delay(20, timeout);
        }
    }
}
