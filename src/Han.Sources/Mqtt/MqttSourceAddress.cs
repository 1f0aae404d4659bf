using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Han.Sources.Mqtt;

/// <summary>
/// Where an MQTT source reads frames: <c>mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC</c> (DESIGN.md §2.3),
/// or <c>mqtts://</c> for TLS checked against the system's trust store. The topic may have several
/// levels and the wildcards <c>+</c> and <c>#</c>. The password is kept for the connection only:
/// <see cref="Display"/> and every message name the source without it.
/// </summary>
public sealed record MqttSourceAddress(string Host, int Port, string Topic, bool Tls, string? User = null, string? Password = null)
{
    public const int DefaultPort = 1883;

    public const int DefaultTlsPort = 8883;

    private const string Form = "mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC (or mqtts:// for TLS), as in mqtt://broker.local/pulse/publish or mqtt://han:secret@192.168.1.5:1883/ams/raw";

    /// <summary>The address as messages show it: the password replaced by <c>***</c>.</summary>
    public string Display => $"{(Tls ? "mqtts" : "mqtt")}://{(User is null ? string.Empty : Password is null ? $"{User}@" : $"{User}:***@")}{HostText}:{Port.ToString(CultureInfo.InvariantCulture)}/{Topic}";

    private string HostText => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    /// <summary>Whether <paramref name="text"/> names an MQTT source (by its scheme), valid or not.</summary>
    public static bool HasScheme(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <paramref name="text"/> with any password in it replaced by <c>***</c>, for a message about a
    /// SOURCE that may not even parse; other text is returned as it is.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasScheme(text))
        {
            return text;
        }

        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = text.IndexOf('/', start);
        var authorityEnd = slash < 0 ? text.Length : slash;
        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
        if (at < 0)
        {
            return text;
        }

        var colon = text.IndexOf(':', start, at - start);
        return colon < 0 ? text : string.Concat(text.AsSpan(0, colon + 1), "***", text.AsSpan(at));
    }

    /// <summary>Reads an MQTT SOURCE; false with what would be valid (never showing the password).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MqttSourceAddress? address, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        error = $"'{Mask(text)}' is not an MQTT source; write {Form}";
        if (!HasScheme(text))
        {
            return false;
        }

        var tls = text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase);
        var rest = text[(tls ? "mqtts://".Length : "mqtt://".Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == rest.Length - 1)
        {
            error = $"'{Mask(text)}' names no topic; add the topic the reader publishes its frames on after the host, as in {Form}";
            return false;
        }

        var authority = rest[..slash];
        var topic = rest[(slash + 1)..];
        string? user = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = authority[..at];
            authority = authority[(at + 1)..];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(credentials[(colon + 1)..]);
            if (user.Length == 0)
            {
                error = $"'{Mask(text)}' has an empty user name before '@'; write USER[:PASS]@HOST (a '@', ':' or '/' in them as %40, %3A, %2F)";
                return false;
            }
        }

        if (!TryParseHost(authority, tls, out var host, out var port))
        {
            error = $"'{Mask(text)}' has no valid HOST[:PORT] ('{authority}'); the port is 1 to 65535 (default {DefaultPort}, {DefaultTlsPort} for mqtts://), an IPv6 address goes in brackets: {Form}";
            return false;
        }

        if (TopicProblem(topic) is { } problem)
        {
            error = $"'{Mask(text)}' has the topic '{topic}', which {problem}";
            return false;
        }

        address = new MqttSourceAddress(host, port, topic, tls, user, password);
        return true;
    }

    private static bool TryParseHost(string authority, bool tls, out string host, out int port)
    {
        port = tls ? DefaultTlsPort : DefaultPort;
        host = authority;
        var portAt = authority.LastIndexOf(':');
        var bracketEnd = authority.LastIndexOf(']');
        if (portAt > bracketEnd && (bracketEnd >= 0 || authority.IndexOf(':', StringComparison.Ordinal) == portAt))
        {
            host = authority[..portAt];
            if (!int.TryParse(authority.AsSpan(portAt + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return false;
            }
        }

        host = host.Trim('[', ']');
        return host.Length > 0;
    }

    /// <summary>Why a subscription filter is not valid (MQTT 3.1.1 §4.7), or null.</summary>
    private static string? TopicProblem(string topic)
    {
        var levels = topic.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
            {
                return "uses '#' other than as the whole last level (as in ams/#)";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level != "+")
            {
                return "uses '+' other than as a whole level (as in ams/+/raw)";
            }
        }

        return null;
    }
}
