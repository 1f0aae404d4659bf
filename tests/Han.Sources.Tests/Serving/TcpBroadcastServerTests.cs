using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Han.Sources.Serving;

namespace Han.Sources.Tests.Serving;

/// <summary>The server on a real loopback socket, on a port the system picks.</summary>
public sealed class TcpBroadcastServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Write_TwoClients_BothGetTheBytes()
    {
        await using var server = TcpBroadcastServer.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var first = await ConnectAsync(server, expectedClients: 1);
        using var second = await ConnectAsync(server, expectedClients: 2);

        await server.WriteAsync(new byte[] { 0x7E, 0xA0, 0x7E }, CancellationToken.None);

        Assert.Equal([0x7E, 0xA0, 0x7E], await ReadAsync(first, 3));
        Assert.Equal([0x7E, 0xA0, 0x7E], await ReadAsync(second, 3));
    }

    [Fact]
    public async Task Write_AClientLeft_TheOthersGoOnAndItIsDropped()
    {
        await using var server = TcpBroadcastServer.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var staying = await ConnectAsync(server, expectedClients: 1);
        var leaving = await ConnectAsync(server, expectedClients: 2);
        leaving.Dispose();

        // A write to a closed peer may succeed once (the kernel buffers it) before it fails.
        for (var i = 0; i < 50 && server.ClientCount > 1; i++)
        {
            await server.WriteAsync(new byte[1000], CancellationToken.None);
            await Task.Delay(20);
        }

        Assert.Equal(1, server.ClientCount);
        await server.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        var received = new List<byte>();
        while (received.Count == 0 || received[^1] != 3)
        {
            received.AddRange(await ReadAsync(staying, 1));
        }

        Assert.Equal([1, 2, 3], received[^3..]);
    }

    [Fact]
    public async Task DropClients_ClosesEveryConnection_AndANewClientIsServed()
    {
        await using var server = TcpBroadcastServer.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var dropped = await ConnectAsync(server, expectedClients: 1);

        server.DropClients();

        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal(0, await dropped.GetStream().ReadAsync(buffer, timeout.Token));
        var waiting = server.WaitForClientAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        using var again = await ConnectAsync(server, expectedClients: 1);
        await waiting.WaitAsync(Patience);
        await server.WriteAsync(new byte[] { 9 }, CancellationToken.None);
        Assert.Equal([9], await ReadAsync(again, 1));
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:3001", "127.0.0.1:3001")]
    [InlineData("tcp://localhost:0", "127.0.0.1:0")]
    [InlineData("tcp://*:3001", "0.0.0.0:3001")]
    [InlineData("tcp://[::1]:3001", "[::1]:3001")]
    public void TcpEndpoint_ValidForms_AreRead(string text, string expected)
    {
        Assert.True(TcpEndpoint.TryParse(text, out var endpoint, out _));
        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:3001")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("tcp://127.0.0.1:70000")]
    [InlineData("tcp://example.org:3001")]
    [InlineData("udp://127.0.0.1:3001")]
    public void TcpEndpoint_OtherForms_AreRefusedWithTheFormExpected(string text)
    {
        Assert.False(TcpEndpoint.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.Contains("tcp://HOST:PORT", error, StringComparison.Ordinal);
    }

    private static async Task<TcpClient> ConnectAsync(TcpBroadcastServer server, int expectedClients)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.LocalEndpoint);
        var waited = Stopwatch.StartNew();
        while (server.ClientCount < expectedClients && waited.Elapsed < Patience)
        {
            await Task.Delay(10);
        }

        Assert.Equal(expectedClients, server.ClientCount);
        return client;
    }

    private static async Task<byte[]> ReadAsync(TcpClient client, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(Patience);
        await client.GetStream().ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
