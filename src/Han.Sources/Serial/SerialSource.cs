using System.IO.Ports;
using System.Runtime.CompilerServices;
using Han.Sources.Live;

namespace Han.Sources.Serial;

/// <summary>
/// Meter bytes from a serial device (a USB M-Bus slave adapter, a Raspberry Pi UART, a pseudo-terminal
/// in tests), read with System.IO.Ports at the given line setting, or at the one auto-detection finds
/// (<c>--baud auto</c>: <see cref="LineAutoDetection"/>, remembered per device). A device that cannot
/// be opened at the start is a <see cref="SourceUnavailableException"/> saying why and what to do; a
/// device that goes away later (the adapter unplugged) is waited for and opened again when it comes back.
/// </summary>
public sealed class SerialSource : IByteSource
{
    private readonly string _device;
    private readonly LineAutoDetection? _autoDetection;
    private LineSettings? _settings;
    private readonly SerialSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<SourceEvent> _report;

    /// <param name="settings">The line setting, or null to find it with <paramref name="autoDetection"/>.</param>
    public SerialSource(string device, LineSettings? settings, SerialSourceOptions options, TimeProvider time, Action<SourceEvent>? report = null, LineAutoDetection? autoDetection = null)
    {
        if (settings is null && autoDetection is null)
        {
            throw new ArgumentException("A serial source needs a line setting or auto-detection.", nameof(autoDetection));
        }

        _device = device;
        _settings = settings;
        _autoDetection = autoDetection;
        _options = options;
        _time = time;
        _report = report ?? (_ => { });
    }

    public string Description => $"{_device} ({_settings?.ToString() ?? "line setting auto-detected"})";

    /// <summary>The line setting in use: the one given, or the one auto-detection found (null until it has).</summary>
    public LineSettings? Settings => _settings;

    /// <summary>What the last search for the line setting found (<c>--baud auto</c>); null when the setting was given or no search has ended yet.</summary>
    public LineDetection? Detection { get; private set; }

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var detected = _settings is null;
        _settings ??= await DetectAsync(cancellationToken).ConfigureAwait(false);
        var port = detected ? await OpenAfterDetectionAsync(_settings, cancellationToken).ConfigureAwait(false) : OpenFirst(_settings);
        var broken = false;
        while (true)
        {
            using (port)
            {
                _report(new SourceEvent(SourceState.Connected, $"reading {Description}"));
                var stream = port.BaseStream;
                string lost;
                while (true)
                {
                    var (read, reason) = await ReadOnceAsync(stream, buffer, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        lost = reason!;
                        break;
                    }

                    yield return new ReceivedChunk(buffer.AsMemory(0, read).ToArray(), _time.GetUtcNow(), broken);
                    broken = false;
                }

                // What the device brings once it is back does not continue these bytes.
                broken = true;
                _report(new SourceEvent(SourceState.Disconnected, $"{_device}: {lost}; waiting for it to come back", _options.ReopenInterval));
            }

            port = await ReopenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private SerialPort OpenFirst(LineSettings settings)
    {
        _report(new SourceEvent(SourceState.Connecting, $"opening {Description}"));
        return SerialPortOpener.OpenOrExplain(_device, settings);
    }

    /// <summary>
    /// Opens the device the detection has just closed. System.IO.Ports lets go of a device a moment after
    /// closing it (its reading thread ends on its own), so a refusal right then is tried again briefly.
    /// </summary>
    private async Task<SerialPort> OpenAfterDetectionAsync(LineSettings settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return SerialPortOpener.Open(_device, settings);
            }
            catch (Exception failure) when (SerialPortOpener.IsOpenFailure(failure) && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (SerialPortOpener.IsOpenFailure(failure))
            {
                throw new SourceUnavailableException(SerialOpenFailure.Describe(_device, failure, SerialDevices.Describe()), failure);
            }
        }
    }

    /// <summary>
    /// Finds the line setting, trying again after a pause while nothing reads the meter (its HAN port
    /// not opened yet, say): a service waits for the meter rather than giving up.
    /// </summary>
    private async Task<LineSettings> DetectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _report(new SourceEvent(SourceState.Detecting, $"finding the line setting of {_device} (each setting is listened to for up to 12 s)"));
            var detection = Detection = await _autoDetection!.DetectAsync(_device, new SerialPortProbe(_device, _time), cancellationToken).ConfigureAwait(false);
            if (detection.Settings is { } found && detection.Certainty >= LineDetectionCertainty.Readable)
            {
                _report(new SourceEvent(SourceState.Detecting, $"{_device}: {detection.Describe()} (remembered for the next start)"));
                return found;
            }

            _report(new SourceEvent(SourceState.Disconnected, $"{_device}: {detection.Describe()} Trying again; give --baud and --parity to skip the search.", _options.DetectionRetry));
            await Task.Delay(_options.DetectionRetry, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the device is back and opens it; a device that stays away is waited for as long as it takes.</summary>
    private async Task<SerialPort> ReopenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.ReopenInterval, _time, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(_device))
            {
                continue;
            }

            try
            {
                return SerialPortOpener.Open(_device, _settings!);
            }
            catch (Exception failure) when (SerialPortOpener.IsOpenFailure(failure))
            {
                // Just plugged in: udev may not have set its permissions yet. Try again shortly.
                _report(new SourceEvent(SourceState.Disconnected, $"{_device} is back but cannot be opened yet ({failure.Message}); trying again", _options.ReopenInterval));
            }
        }
    }

    /// <summary>Bytes read, or 0 with why the device was lost.</summary>
    private async Task<(int Read, string? Reason)> ReadOnceAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var silence = new CancellationTokenSource(_options.SilenceWarning, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
            try
            {
                var read = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                return read > 0 ? (read, null) : (0, "the device closed");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Silence is not absence on a serial line: say so and keep listening.
                _report(new SourceEvent(SourceState.Connected, $"no bytes from {_device} for {_options.SilenceWarning.TotalSeconds:0} s: is the meter's HAN port open (the grid company opens it on request), the cable in, and the line setting {_settings} right?"));
            }
            catch (Exception failure) when (failure is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
                // System.IO.Ports closes the port itself when the device disappears.
                return (0, File.Exists(_device) ? $"reading failed ({failure.Message})" : "the device is gone (adapter unplugged?)");
            }
        }
    }

}
