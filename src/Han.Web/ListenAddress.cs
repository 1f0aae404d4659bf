using System.Globalization;
using System.Net;

namespace Han.Web;

/// <summary>Reads a listen address as users write it: <c>127.0.0.1:8080</c>, <c>0.0.0.0:8080</c>, <c>[::]:8080</c>, <c>localhost:8080</c>.</summary>
public static class ListenAddress
{
    public const string Expected = "an address and port, as in 127.0.0.1:8080 (this machine only), 0.0.0.0:8080 (every IPv4 interface) or [::]:8080";

    public static bool TryParse(string text, out IPEndPoint? address, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        problem = string.Empty;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel would listen on both loopbacks for "localhost"; one address keeps the check below simple.
            text = "127.0.0.1:" + text["localhost:".Length..];
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            problem = $"has no port; give {Expected}";
            return false;
        }

        if (!IPEndPoint.TryParse(text, out address))
        {
            problem = $"is not {Expected} (a host name other than localhost is not taken: give the interface's address)";
            return false;
        }

        return true;
    }

    /// <summary>Whether only programs on this machine can reach the address.</summary>
    public static bool IsLoopback(IPEndPoint address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.Address);
    }
}
