using System.Net;
using Han.Costs;
using Han.Live.Fanout;
using Han.Storage;
using Han.Web;

namespace Han.Browser.Tests;

/// <summary>
/// han's web server on a free loopback port with simulated meters, each fed through its real
/// <see cref="WebSink"/> behind a real <see cref="QueuedSink"/>, as han run wires them, and a real
/// SQLite history store in a temporary folder (empty unless a test writes to it), days in Europe/Oslo.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private const int QueueSize = 2000;

    private readonly IReadOnlyList<ServedMeter> _served;
    private readonly HistoryOptions _history;
    private WebServer _server;
    private readonly Dictionary<string, QueuedSink> _queues;
    private readonly Dictionary<string, LiveMeter> _live;
    private readonly string _folder;

    private DashboardServer(WebServer server, IReadOnlyList<ServedMeter> served, HistoryOptions history, IHistoryStore store, string folder, Dictionary<string, QueuedSink> queues, Dictionary<string, LiveMeter> live, IReadOnlyList<SimulatedMeter> meters)
    {
        _server = server;
        _served = served;
        _history = history;
        Address = server.Address!;
        Store = store;
        _folder = folder;
        _queues = queues;
        _live = live;
        Meters = meters;
    }

    public Uri Address { get; }

    public IHistoryStore Store { get; }

    public IReadOnlyList<SimulatedMeter> Meters { get; }

    public SimulatedMeter Meter => Meters[0];

    /// <summary>Starts the server with a meter per name, each with ten minutes of lists and a line status already shown; with a cost profile, the cost endpoint answers.</summary>
    public static async Task<DashboardServer> StartAsync(string? token = null, KnownHistory? history = null, CostProfile? cost = null, params string[] names)
    {
        names = names.Length == 0 ? ["house"] : names;
        var folder = Directory.CreateTempSubdirectory("han-test-browser-").FullName;
        var store = await HistoryStores.OpenSqliteAsync(Path.Combine(folder, "history.db"), CancellationToken.None);
        if (history is not null)
        {
            await history.WriteAsync(store);
        }

        var queues = new Dictionary<string, QueuedSink>(StringComparer.Ordinal);
        var lives = new Dictionary<string, LiveMeter>(StringComparer.Ordinal);
        var served = new List<ServedMeter>();
        foreach (var name in names)
        {
            var live = new LiveMeter(name);
            var queue = new QueuedSink(new WebSink(live), QueueSize, (_, _) => { });
            queues[name] = queue;
            lives[name] = live;
            served.Add(new ServedMeter(live, [queue]));
        }

        var historyOptions = new HistoryOptions(store, KnownHistory.Oslo, TimeProvider.System) { Cost = cost };
        var server = new WebServer(new WebOptions(new IPEndPoint(IPAddress.Loopback, 0), token), served, historyOptions);
        await server.StartAsync(CancellationToken.None);
        var dashboard = new DashboardServer(server, served, historyOptions, store, folder, queues, lives, [.. names.Select(n => new SimulatedMeter(n, TimeSpan.FromMinutes(10)))]);
        foreach (var meter in dashboard.Meters)
        {
            await dashboard.FeedAsync(meter.Name, [.. meter.UntilNow(), meter.Line()]);
        }

        return dashboard;
    }

    /// <summary>Stops the web server, as when han stops or crashes; the meters and the store stay.</summary>
    public Task StopWebAsync() => _server.StopAsync(CancellationToken.None);

    /// <summary>Starts the web server again on the same address, as when han comes back.</summary>
    public async Task StartWebAgainAsync()
    {
        _server = new WebServer(new WebOptions(new IPEndPoint(IPAddress.Loopback, Address.Port), null), _served, _history);
        await _server.StartAsync(CancellationToken.None);
    }

    /// <summary>Waits until the meter's live stream has a client (a page that follows it).</summary>
    public async Task FollowedAsync(string meter)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_live[meter].StreamClients == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no page followed the live stream of {meter}");
            await Task.Delay(10);
        }
    }

    /// <summary>Offers the events to the meter's queue, as the fan-out does, and waits until the sink has written them.</summary>
    public async Task FeedAsync(string meter, IReadOnlyCollection<MeterEvent> events)
    {
        var queue = _queues[meter];
        var expected = queue.Counters.Written + events.Count;
        foreach (var item in events)
        {
            queue.Offer(item);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (queue.Counters.Written < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the web sink wrote {queue.Counters.Written} of {expected} events");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var queue in _queues.Values)
        {
            await queue.DisposeAsync();
        }

        foreach (var meter in Meters)
        {
            meter.Dispose();
        }

        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
