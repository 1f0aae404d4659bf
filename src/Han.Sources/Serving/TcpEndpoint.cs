using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Han.Sources.Serving;

/// <summary>
/// A <c>tcp://HOST:PORT</c> address to listen on, as <c>--serve</c> takes it: HOST an IPv4 or bracketed
/// IPv6 address, <c>localhost</c> or <c>*</c> (every interface), PORT 0-65535 (0: any free port).
/// </summary>
public static class TcpEndpoint
{
    public const string Form = "tcp://HOST:PORT (HOST an IP address, localhost or *; PORT 0-65535, 0 for any free port), e.g. tcp://127.0.0.1:3001";

    public static bool TryParse(string? text, [NotNullWhen(true)] out IPEndPoint? endpoint, out string error)
    {
        endpoint = null;
        error = $"'{text}' is not an address to listen on; expected {Form}.";
        const string scheme = "tcp://";
        if (text is null || !text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[scheme.Length..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        var host = rest[..colon];
        IPAddress? address = host switch
        {
            "*" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when host.StartsWith('[') && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) => v6,
            _ when !host.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(host, out var v4) => v4,
            _ => null,
        };
        if (address is null)
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The address as <c>tcp://HOST:PORT</c>.</summary>
    public static string Format(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return "tcp://" + endpoint;
    }
}
