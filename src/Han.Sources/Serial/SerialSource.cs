using System.IO.Ports;
using System.Runtime.CompilerServices;
using Han.Sources.Live;

namespace Han.Sources.Serial;

/// <summary>
/// Meter bytes from a serial device (a USB M-Bus slave adapter, a Raspberry Pi UART, a pseudo-terminal
/// in tests), read with System.IO.Ports at the given line settings. A device that cannot be opened at
/// the start is a <see cref="SourceUnavailableException"/> saying why and what to do; a device that
/// goes away later (the adapter unplugged) is waited for and opened again when it comes back.
/// </summary>
public sealed class SerialSource : IByteSource
{
    private readonly string _device;
    private readonly LineSettings _settings;
    private readonly SerialSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<SourceEvent> _report;

    public SerialSource(string device, LineSettings settings, SerialSourceOptions options, TimeProvider time, Action<SourceEvent>? report = null)
    {
        _device = device;
        _settings = settings;
        _options = options;
        _time = time;
        _report = report ?? (_ => { });
    }

    public string Description => $"{_device} ({_settings})";

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var port = OpenFirst();
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

                    yield return new ReceivedChunk(buffer.AsMemory(0, read).ToArray(), _time.GetUtcNow());
                }

                _report(new SourceEvent(SourceState.Disconnected, $"{_device}: {lost}; waiting for it to come back", _options.ReopenInterval));
            }

            port = await ReopenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private SerialPort OpenFirst()
    {
        _report(new SourceEvent(SourceState.Connecting, $"opening {Description}"));
        try
        {
            return Open();
        }
        catch (Exception failure) when (failure is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new SourceUnavailableException(SerialOpenFailure.Describe(_device, failure, SerialDevices.Describe()), failure);
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
                return Open();
            }
            catch (Exception failure) when (failure is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
            {
                // Just plugged in: udev may not have set its permissions yet. Try again shortly.
                _report(new SourceEvent(SourceState.Disconnected, $"{_device} is back but cannot be opened yet ({failure.Message}); trying again", _options.ReopenInterval));
            }
        }
    }

    private SerialPort Open()
    {
        var port = new SerialPort(_device, _settings.Baud, Parity(_settings.Parity), _settings.DataBits, _settings.StopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 16 * 1024,
        };
        try
        {
            port.Open();
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
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

    private static Parity Parity(LineParity parity) => parity switch
    {
        LineParity.Even => System.IO.Ports.Parity.Even,
        LineParity.Odd => System.IO.Ports.Parity.Odd,
        _ => System.IO.Ports.Parity.None,
    };
}
