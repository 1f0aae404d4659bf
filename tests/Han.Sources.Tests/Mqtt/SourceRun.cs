using System.Collections.Concurrent;
using System.Text.Json;
using Han.Sources.Live;
using Han.Sources.Mqtt;

namespace Han.Sources.Tests.Mqtt;

/// <summary>An MQTT source being read in the background into a decoder, with its events, until disposed.</summary>
internal sealed class SourceRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<SourceEvent> _events = new();
    private readonly ConcurrentQueue<ReceivedChunk> _chunks = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public SourceRun(MqttSourceAddress address, string country = "NO")
    {
        Decoded = new DecodedReadings(country);
        var options = new MqttSourceOptions { FirstRetry = TimeSpan.FromMilliseconds(50), LongestRetry = TimeSpan.FromMilliseconds(300), ConnectTimeout = TimeSpan.FromSeconds(5) };
        Source = new MqttSource(address, options, TimeProvider.System, _events.Enqueue);
        _reading = Task.Run(async () =>
        {
            await foreach (var chunk in Source.ReadAsync(_stop.Token))
            {
                _chunks.Enqueue(chunk);
                Decoded.Add(chunk);
            }
        });
    }

    public MqttSource Source { get; }

    public DecodedReadings Decoded { get; }

    public SourceEvent[] Events => [.. _events];

    public ReceivedChunk[] Chunks => [.. _chunks];

    /// <summary>The reading's end, when it ended by itself (a refused password).</summary>
    public Task Reading => _reading;

    public Task WaitForConnectionsAsync(int count) =>
        WaitUntilAsync(() => Events.Count(e => e.State == SourceState.Connected && e.Message.StartsWith("connected", StringComparison.Ordinal)) >= count, $"{count} connections");

    public async Task<JsonElement[]> WaitForReadingsAsync(int count)
    {
        await WaitUntilAsync(() => Decoded.Snapshot().Length >= count, $"{count} readings");
        return Decoded.Snapshot();
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (_reading.IsCompleted)
            {
                await _reading; // its failure explains
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}; events: {string.Join(" | ", Events.Select(e => e.Message))}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        Decoded.Dispose();
    }
}
