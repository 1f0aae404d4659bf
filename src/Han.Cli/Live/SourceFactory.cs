using Han.Cli.Io;
using Han.Sources;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.Sources.Mqtt;
using Han.Sources.Serial;

namespace Han.Cli.Live;

/// <summary>Makes the live source a SOURCE argument names (DESIGN.md §2.3), reporting its events to <paramref name="report"/>.</summary>
internal static class SourceFactory
{
    /// <param name="settings">The serial line setting, or null for auto-detection.</param>
    public static async Task<IByteSource> CreateAsync(SourceAddress address, LineSettings? settings, StandardStreams streams, TimeProvider time, Action<SourceEvent> report, CancellationToken cancellationToken)
    {
        switch (address.Kind)
        {
            case SourceKind.Tcp:
                return new TcpSource(address.Host, address.Port, new TcpSourceOptions(), time, report);
            case SourceKind.Mqtt:
                return new MqttSource(address.Mqtt!, new MqttSourceOptions(), time, report);
            case SourceKind.Serial:
                var detection = settings is null ? new LineAutoDetection(new LineSettingsDetector(), new LineSettingsStore(StateFolder.LineSettingsFile), time) : null;
                return new SerialSource(address.Text, settings, new SerialSourceOptions(), time, report, detection);
            default:
                // A file or standard input: bytes, hex text or a capture (with its recorded times), read once.
                var bytes = await InputOpener.OpenAsync(await InputFiles.OpenAsync(address.Text, streams, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                var description = address.Kind == SourceKind.StandardInput ? "standard input" : address.Text;
                return bytes is CaptureStream capture ? new CaptureSource(capture, description) : new StreamSource(bytes, description, time);
        }
    }
}
