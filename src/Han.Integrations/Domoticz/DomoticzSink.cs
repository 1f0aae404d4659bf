using Han.Live.Fanout;

namespace Han.Integrations.Domoticz;

/// <summary>
/// One meter's Domoticz output: takes its readings, and sends each configured device's update through
/// the channel (HTTP or MQTT) at the configured pace.
/// </summary>
public sealed class DomoticzSink : IMeterSink
{
    private readonly DomoticzUpdater _updater;
    private readonly IDomoticzChannel _channel;

    public DomoticzSink(DomoticzUpdater updater, IDomoticzChannel channel)
    {
        _updater = updater ?? throw new ArgumentNullException(nameof(updater));
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
    }

    public string Name => _channel.Name;

    public bool Accepts(MeterEvent item) => item is ReadingMade;

    public async ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        if (item is not ReadingMade made)
        {
            return;
        }

        foreach (var update in _updater.Take(made.Reading, made.At))
        {
            await _channel.SendAsync(update, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
