using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Han.Sources.Live;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Han.Sources.Mqtt;

/// <summary>
/// Meter frames that another HAN reader (Tibber Pulse, amsreader, dsmr-reader, an ESP P1 gateway)
/// publishes on an MQTT topic. Subscribes with QoS 1, recognises each payload
/// (<see cref="PayloadClassifier"/>) and hands the decodable ones on as whole messages
/// (<see cref="ReceivedChunk.WholeMessage"/>), so one message's bytes never wait for the next's. A
/// lost broker is connected to again with a capped, jittered back-off and subscribed to again; a
/// broker that refuses the user or the topic ends the reading with a message saying what to check.
/// </summary>
public sealed class MqttSource : IByteSource
{
    private readonly MqttSourceAddress _address;
    private readonly MqttSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<SourceEvent> _report;
    private readonly Backoff _backoff;

    public MqttSource(MqttSourceAddress address, MqttSourceOptions options, TimeProvider time, Action<SourceEvent>? report = null, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        _address = address;
        _options = options;
        _time = time;
        _report = report ?? (_ => { });
        _backoff = new Backoff(options.FirstRetry, options.LongestRetry, jitter);
    }

    public string Description => _address.Display;

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inbox = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(_options.InboxLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connection = new MqttConnection(_address, _options, _time, _backoff, inbox.Writer);
        var keeping = connection.KeepConnectedAsync(stop.Token);
        var notes = new PayloadNotes(_address.Topic);
        var broken = false;
        try
        {
            await foreach (var delivery in inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (delivery.Event is { } change)
                {
                    _report(change);
                    broken |= change.State == SourceState.Disconnected;
                    continue;
                }

                var classified = delivery.Retained ? null : PayloadClassifier.Classify(delivery.Payload.Span);
                if (notes.About(delivery, classified) is { } note)
                {
                    _report(new SourceEvent(SourceState.Connected, $"{Description}: {note}"));
                }

                if (classified is { IsDecoded: true } && notes.Decodes(classified.Form))
                {
                    yield return new ReceivedChunk(classified.Bytes, delivery.ReceivedAt, AfterBreak: broken, WholeMessage: true);
                    broken = false;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
