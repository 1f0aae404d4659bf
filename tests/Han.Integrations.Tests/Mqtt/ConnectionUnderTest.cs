using System.Diagnostics;
using System.Globalization;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>An <see cref="MqttConnection"/> to a test broker, with everything it reported kept for the test to read.</summary>
internal sealed class ConnectionUnderTest : IAsyncDisposable
{
    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    /// <summary>The connection count as the last <see cref="MqttConnection.Connected"/> handler saw it: connects whose handlers have all run.</summary>
    private long _handled;

    /// <summary>Which of the two equal trackers is the one behind the others now (see <see cref="KeepLast"/>).</summary>
    private bool _trackerBIsLast;
    private readonly Lock _trackerGate = new();

    /// <param name="delay">The back-off between attempts; han's own (1 s doubling to 60 s) when not given.</param>
    public ConnectionUnderTest(MosquittoBroker broker, Func<MqttConnectionOptions, MqttConnectionOptions>? adjust = null, ReconnectDelay? delay = null)
    {
        var options = new MqttConnectionOptions(broker.Host, broker.Port, $"han-test-{Guid.NewGuid():N}"[..20]);
        options = adjust?.Invoke(options) ?? options;
        ClientId = options.ClientId;
        Connection = new MqttConnection(options, Keep, TimeProvider.System, delay ?? new ReconnectDelay(new Random()));
        Connection.Connected += TrackerA;
    }

    public string ClientId { get; }

    public MqttConnection Connection { get; }

    public IReadOnlyList<(string Text, NoteLevel Level)> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public IReadOnlyList<string> Errors => [.. Reports.Where(r => r.Level == NoteLevel.Error).Select(r => r.Text)];

    /// <summary>
    /// Starts the connection and waits until it has connected and every <see cref="MqttConnection.Connected"/>
    /// handler added before has run: an output's announcement on connect is then behind the test, not racing it.
    /// </summary>
    public async Task StartAsync(int seconds = 30)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Done() => connected.TrySetResult();

        // Added last, so called last (handlers run in the order they were added).
        Connection.Connected += Done;
        KeepLast();
        Connection.Start();
        try
        {
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"not connected within {seconds} s; reported: {string.Join(" | ", Reports.Select(r => r.Text))}");
        }
        finally
        {
            Connection.Connected -= Done;
        }
    }

    /// <summary>Waits until every message queued so far has left the queue: sent, and at QoS 1 acknowledged by the broker.</summary>
    public Task DrainAsync(int seconds = 30) => WaitUntilAsync(() => Connection.Queued == 0, "sending every queued message", seconds);

    /// <summary>
    /// Pushes the connection off the broker, which goes on running, as a second client with the same
    /// client id does (the broker closes the older connection, MQTT 3.1.1 §3.1.4), and waits until the
    /// connection has reconnected by itself.
    /// </summary>
    public async Task PushOffAndWaitForReconnectionAsync(MosquittoBroker broker, int seconds = 30)
    {
        var before = Connection.Counters.Connections;
        var start = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-i", ClientId, "-t", "han-test/push-off", "-n" })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            // Its exit code is not the point (han, reconnecting, may push it off in turn): the broker's log is.
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
        }

        await WaitUntilAsync(() => broker.Log.Contains($"Client {ClientId} already connected, closing old connection", StringComparison.Ordinal), "the broker closing han's connection", seconds);
        await WaitForConnectionsAsync((int)before + 1, seconds);
    }

    /// <summary>
    /// Waits until the connection has connected <paramref name="times"/> times in all and the
    /// <see cref="MqttConnection.Connected"/> handlers of that connect have run: the connection counts a
    /// connect before it calls them, so the count alone would let a test act while an output is still
    /// announcing itself. Handlers count if they were added before <see cref="StartAsync"/>, or before this
    /// call for a connect still to come: a test that adds handlers and then calls
    /// <see cref="MqttConnection.Start"/> itself should call <see cref="StartAsync"/> instead, since a connect
    /// made before this call was seen by a tracker not yet behind those handlers.
    /// </summary>
    public async Task WaitForConnectionsAsync(int times = 1, int seconds = 30)
    {
        KeepLast();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Interlocked.Read(ref _handled) < times)
        {
            Assert.True(DateTime.UtcNow < deadline, $"not connected {times} times within {seconds} s; reported: {string.Join(" | ", Reports.Select(r => r.Text))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with what was reported.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {seconds} s; reported: {string.Join(" | ", Reports.Select(r => r.Text))}");
            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>
    /// Puts the tracker behind every handler added since (handlers run in the order they were added). The
    /// new one is added before the old one is removed, so that a connect at this very moment is still seen:
    /// two trackers, since removing a handler removes the last one equal to it.
    /// </summary>
    private void KeepLast()
    {
        lock (_trackerGate)
        {
            if (_trackerBIsLast)
            {
                Connection.Connected += TrackerA;
                Connection.Connected -= TrackerB;
            }
            else
            {
                Connection.Connected += TrackerB;
                Connection.Connected -= TrackerA;
            }

            _trackerBIsLast = !_trackerBIsLast;
        }
    }

    private void TrackerA() => SeeHandlersRun();

    private void TrackerB() => SeeHandlersRun();

    private void SeeHandlersRun()
    {
        // Connects are made one at a time on the connection's loop: the count now is the connect whose handlers ran.
        var connects = Connection.Counters.Connections;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _handled);
        }
        while (connects > seen && Interlocked.CompareExchange(ref _handled, connects, seen) != seen);
    }

    private void Keep(string text, NoteLevel level)
    {
        lock (_reports)
        {
            _reports.Add((text, level));
        }
    }
}
