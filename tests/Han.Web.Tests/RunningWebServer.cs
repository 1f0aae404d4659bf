using System.Net;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Web.Tests;

/// <summary>
/// han's web server on a free loopback port, with one meter "house" fed through its real
/// <see cref="WebSink"/> behind a real <see cref="QueuedSink"/>, as han run wires it.
/// </summary>
internal sealed class RunningWebServer : IAsyncDisposable
{
    public const string Meter = "house";

    private RunningWebServer(WebServer server, LiveMeter live, QueuedSink queue, HttpClient client)
    {
        Server = server;
        Live = live;
        Queue = queue;
        Client = client;
    }

    public WebServer Server { get; }

    public LiveMeter Live { get; }

    public QueuedSink Queue { get; }

    /// <summary>A client for the server's address, without a token.</summary>
    public HttpClient Client { get; }

    public static async Task<RunningWebServer> StartAsync(string? token = null, TimeSpan? heartbeat = null, HistoryOptions? history = null)
    {
        var live = new LiveMeter(Meter);
        var queue = new QueuedSink(new WebSink(live), QueueSize, (_, _) => { });
        var options = new WebOptions(new IPEndPoint(IPAddress.Loopback, 0), token);
        var server = new WebServer(options, [new ServedMeter(live, [queue])], history ?? HistoryOptions.None, heartbeat ?? WebServer.DefaultHeartbeat);
        await server.StartAsync(CancellationToken.None);
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        return new RunningWebServer(server, live, queue, client);
    }

    /// <summary>The queue's room: the tests offer no more at once, so that none is dropped.</summary>
    private const int QueueSize = 1000;

    /// <summary>Offers every reading to the sink's queue, as the fan-out does, and waits until the sink has written them.</summary>
    public async Task FeedAsync(IEnumerable<MeterEvent> events)
    {
        foreach (var batch in events.Chunk(QueueSize / 2))
        {
            var expected = Queue.Counters.Written;
            foreach (var item in batch)
            {
                Queue.Offer(item);
                expected++;
            }

            await WrittenAsync(expected);
        }
    }

    private async Task WrittenAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Queue.Counters.Written < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the sink wrote {Queue.Counters.Written} of {expected} events");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Queue.DisposeAsync();
    }
}
