using System.Net;
using System.Net.Sockets;

namespace Han.Web.Tests;

/// <summary>Where the server listens: a port in use is a clear error naming web.listen; addresses as users write them.</summary>
public sealed class ListenTests
{
    [Fact]
    public async Task Start_PortInUse_SaysSoNamingWebListen()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var taken = (IPEndPoint)other.LocalEndpoint;
        var server = new WebServer(new WebOptions(taken, null), [], HistoryOptions.None);

        var problem = await Assert.ThrowsAsync<WebListenException>(() => server.StartAsync(CancellationToken.None));

        Assert.Equal($"web.listen: {taken} is already in use by another program; stop that program or choose another port in web.listen", problem.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080", true)]
    [InlineData("localhost:9000", "127.0.0.1:9000", true)]
    [InlineData("0.0.0.0:8080", "0.0.0.0:8080", false)]
    [InlineData("[::]:8080", "[::]:8080", false)]
    [InlineData("[::1]:8080", "[::1]:8080", true)]
    public void TryParse_AnAddressAndPort_TakesIt(string text, string expected, bool loopback)
    {
        Assert.True(ListenAddress.TryParse(text, out var address, out var problem), problem);
        Assert.Equal(expected, address!.ToString());
        Assert.Equal(loopback, ListenAddress.IsLoopback(address));
    }

    [Theory]
    [InlineData("8080", "has no port")]
    [InlineData("127.0.0.1", "has no port")]
    [InlineData("pi.local:8080", "a host name other than localhost is not taken")]
    [InlineData("127.0.0.1:99999", "has no port")]
    public void TryParse_NotAnAddress_SaysWhatIsValid(string text, string expected)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8080", problem, StringComparison.Ordinal);
    }
}
