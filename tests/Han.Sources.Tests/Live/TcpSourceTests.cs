using Han.TestCorpus.Servers;
using System.Net;
using System.Net.Sockets;
using Han.Sources.Live;

namespace Han.Sources.Tests.Live;

/// <summary>The TCP source against a real listener on a free loopback port: bytes with receive times, reconnection, refusal and a silent bridge.</summary>
public sealed class TcpSourceTests
{
    private static readonly TcpSourceOptions Quick = new()
    {
        IdleTimeout = TimeSpan.FromMilliseconds(600),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        FirstRetry = TimeSpan.FromMilliseconds(50),
        LongestRetry = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task ReadAsync_BridgeSendsBytes_DeliversThemWithTheirReceiveTime()
    {
        using var listener = Listen();
        var source = new TcpSource("127.0.0.1", Port(listener), Quick, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var serve = ServeAsync(listener, [[1, 2, 3], [4, 5]], closeAfter: false, timeout.Token);
        var before = DateTimeOffset.UtcNow;

        var received = await SourceReading.TakeAsync(source, 5, timeout.Token);

        Assert.Equal([1, 2, 3, 4, 5], received.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.All(received, chunk => Assert.InRange(chunk.ReceivedAt, before, DateTimeOffset.UtcNow));
        await serve;
    }

    [Fact]
    public async Task ReadAsync_BridgeClosesAndComesBack_ReconnectsAndReadsOn()
    {
        using var listener = Listen();
        var events = new List<SourceEvent>();
        // Only the bridge's close may end the first connection: on a loaded machine the close can come
        // later than Quick's idle timeout, which would end it as a silent line instead.
        var source = new TcpSource("127.0.0.1", Port(listener), Quick with { IdleTimeout = TimeSpan.FromSeconds(10) }, TimeProvider.System, Record(events));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var serve = Task.Run(
            async () =>
            {
                await ServeAsync(listener, [[1, 2]], closeAfter: true, timeout.Token);
                await ServeAsync(listener, [[3, 4]], closeAfter: false, timeout.Token);
            },
            timeout.Token);

        var received = await SourceReading.TakeAsync(source, 4, timeout.Token);

        Assert.Equal([1, 2, 3, 4], received.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.Equal([3], received.Where(chunk => chunk.AfterBreak).Select(chunk => chunk.Bytes.Span[0])); // only the new connection's first bytes
        Assert.Contains(events, e => e.State == SourceState.Disconnected && e.Message.Contains("the bridge closed the connection", StringComparison.Ordinal) && e.RetryIn > TimeSpan.Zero);
        Assert.Equal(2, events.Count(e => e.State == SourceState.Connected));
        await serve;
    }

    [Fact]
    public async Task ReadAsync_NothingListening_SaysConnectionRefusedAndConnectsOnceTheBridgeStarts()
    {
        var port = LoopbackPort.Free();
        var events = new List<SourceEvent>();
        var source = new TcpSource("127.0.0.1", port, Quick, TimeProvider.System, Record(events));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var reading = SourceReading.TakeAsync(source, 1, timeout.Token);

        while (!events.ToArray().Any(e => e.State == SourceState.Disconnected))
        {
            await Task.Delay(20, timeout.Token);
        }

        using var listener = Listen(port);
        var serve = ServeAsync(listener, [[42]], closeAfter: false, timeout.Token);
        var received = await reading;

        Assert.Equal([42], received.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.Contains($"cannot connect to tcp://127.0.0.1:{port}: connection refused (is the bridge running and listening on port {port}?); trying again in", events.First(e => e.State == SourceState.Disconnected).Message, StringComparison.Ordinal);
        await serve;
    }

    [Fact]
    public async Task ReadAsync_BridgeGoesSilent_ReconnectsAfterTheIdleTimeout()
    {
        using var listener = Listen();
        var events = new List<SourceEvent>();
        var source = new TcpSource("127.0.0.1", Port(listener), Quick, TimeProvider.System, Record(events));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var serve = Task.Run(
            async () =>
            {
                // The first connection is accepted and then says nothing; the second sends.
                using var silent = await listener.AcceptTcpClientAsync(timeout.Token);
                await ServeAsync(listener, [[7]], closeAfter: false, timeout.Token);
            },
            timeout.Token);

        var received = await SourceReading.TakeAsync(source, 1, timeout.Token);

        Assert.Equal([7], received.SelectMany(chunk => chunk.Bytes.ToArray()));
        Assert.Contains(events, e => e.State == SourceState.Disconnected && e.Message.Contains("no bytes for 1 s, so the bridge or the line may hang", StringComparison.Ordinal));
        await serve;
    }

    private static Action<SourceEvent> Record(List<SourceEvent> events) => e =>
    {
        lock (events)
        {
            events.Add(e);
        }
    };

    /// <summary>Accepts one client, sends the pieces with a pause between them, then closes or keeps it open a while.</summary>
    private static async Task ServeAsync(TcpListener listener, byte[][] pieces, bool closeAfter, CancellationToken cancellationToken)
    {
        using var client = await listener.AcceptTcpClientAsync(cancellationToken);
        var stream = client.GetStream();
        foreach (var piece in pieces)
        {
            await stream.WriteAsync(piece, cancellationToken);
            await Task.Delay(50, cancellationToken);
        }

        if (!closeAfter)
        {
            await Task.Delay(300, cancellationToken);
        }
    }

    private static TcpListener Listen(int port = 0)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

}
