using System.Net;

namespace Han.Web;

/// <summary>Where the web server listens and the token it asks for (the <c>web:</c> section of han run).</summary>
/// <param name="Listen">The address and port; a port of 0 lets the system choose (tests).</param>
/// <param name="Token">The access token every request must carry; null asks for none (loopback only).</param>
public sealed record WebOptions(IPEndPoint Listen, string? Token)
{
    /// <summary>127.0.0.1:8080: only programs on this machine reach it until a token is set (issue 10, point 4).</summary>
    public static readonly IPEndPoint DefaultListen = new(IPAddress.Loopback, 8080);

    /// <summary>How the address is written in messages and logs (<c>127.0.0.1:8080</c>, <c>[::]:8080</c>).</summary>
    public string ListenText => Listen.ToString();
}
