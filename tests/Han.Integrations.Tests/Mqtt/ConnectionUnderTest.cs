using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>An <see cref="MqttConnection"/> to a test broker, with everything it reported kept for the test to read.</summary>
internal sealed class ConnectionUnderTest : IAsyncDisposable
{
    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    /// <param name="delay">The back-off between attempts; han's own (1 s doubling to 60 s) when not given.</param>
    public ConnectionUnderTest(MosquittoBroker broker, Func<MqttConnectionOptions, MqttConnectionOptions>? adjust = null, ReconnectDelay? delay = null)
    {
        var options = new MqttConnectionOptions(broker.Host, broker.Port, $"han-test-{Guid.NewGuid():N}"[..20]);
        options = adjust?.Invoke(options) ?? options;
        ClientId = options.ClientId;
        Connection = new MqttConnection(options, Keep, TimeProvider.System, delay ?? new ReconnectDelay(new Random()));
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

    /// <summary>Waits until the connection has connected <paramref name="times"/> times in all.</summary>
    public async Task WaitForConnectionsAsync(int times = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Connection.Counters.Connections < times)
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

    private void Keep(string text, NoteLevel level)
    {
        lock (_reports)
        {
            _reports.Add((text, level));
        }
    }
}
