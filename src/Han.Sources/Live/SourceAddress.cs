using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Han.Sources.Mqtt;

namespace Han.Sources.Live;

/// <summary>What kind of place a SOURCE argument names (DESIGN.md §2.3).</summary>
public enum SourceKind
{
    /// <summary>A serial device: <c>/dev/ttyUSB0</c>, <c>/dev/serial/by-id/...</c>, any character device.</summary>
    Serial,

    /// <summary>A TCP bridge: <c>tcp://HOST:PORT</c>.</summary>
    Tcp,

    /// <summary>Standard input: <c>-</c>.</summary>
    StandardInput,

    /// <summary>A file: a capture, raw bytes or hex text.</summary>
    File,

    /// <summary>An MQTT topic other HAN readers publish frames on: <c>mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC</c>.</summary>
    Mqtt,
}

/// <summary>
/// A SOURCE argument read: its kind and, for TCP, the host and port; for MQTT, the broker and topic
/// (<see cref="Mqtt"/>), and then <see cref="Text"/> is the address without its password.
/// </summary>
public sealed record SourceAddress(SourceKind Kind, string Text, string Host = "", int Port = 0)
{
    /// <summary>The broker, topic and credentials of an MQTT source; null for the other kinds.</summary>
    public MqttSourceAddress? Mqtt { get; init; }

    /// <summary>Reads a SOURCE argument; false with what would be valid.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SourceAddress? address, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        error = string.Empty;
        if (text == "-")
        {
            address = new SourceAddress(SourceKind.StandardInput, text);
            return true;
        }

        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseTcp(text, out address, out error);
        }

        if (MqttSourceAddress.HasScheme(text))
        {
            if (!MqttSourceAddress.TryParse(text, out var mqtt, out error))
            {
                return false;
            }

            address = new SourceAddress(SourceKind.Mqtt, mqtt.Display, mqtt.Host, mqtt.Port) { Mqtt = mqtt };
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            var scheme = text[..text.IndexOf("://", StringComparison.Ordinal)];
            error = $"'{scheme}://' is not a source han reads; use a serial device (/dev/ttyUSB0, /dev/serial/by-id/...), tcp://HOST:PORT, mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC, a file or '-'";
            return false;
        }

        if (text.Length == 0)
        {
            error = "an empty source; use a serial device (/dev/ttyUSB0, /dev/serial/by-id/...), tcp://HOST:PORT, mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC, a file or '-'";
            return false;
        }

        address = new SourceAddress(IsDevice(text) ? SourceKind.Serial : SourceKind.File, text);
        return true;
    }

    /// <summary>
    /// A path under /dev, or any existing file that is not a regular file or folder (a pseudo-terminal
    /// made by socat elsewhere). A missing path under /dev is a device that is not plugged in.
    /// </summary>
    private static bool IsDevice(string path)
    {
        if (path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return true;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return false;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        return target.StartsWith("/dev/", StringComparison.Ordinal);
    }

    private static bool TryParseTcp(string text, [NotNullWhen(true)] out SourceAddress? address, out string error)
    {
        address = null;
        error = $"'{text}' is not a TCP source; write tcp://HOST:PORT, as in tcp://raspberrypi.local:3001 or tcp://[::1]:3001";
        var rest = text["tcp://".Length..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var host = rest[..colon].Trim('[', ']');
        if (host.Length == 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        address = new SourceAddress(SourceKind.Tcp, text, host, port);
        return true;
    }
}
