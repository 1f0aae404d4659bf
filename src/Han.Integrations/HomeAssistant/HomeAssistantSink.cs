using System.Security.Cryptography;
using Han.Integrations.Mqtt;
using Han.Live;
using Han.Live.Fanout;

namespace Han.Integrations.HomeAssistant;

/// <summary>
/// Announces one meter to Home Assistant (MQTT discovery, one device per meter): once its meter id is
/// known and the configs han left on the broker are back (so that no component the device had is
/// taken away; see <see cref="DiscoveryJanitor"/>), and again whenever a value appears that it had not sent before or its identity changes; again
/// after Home Assistant's birth message (after a short random wait, as Home Assistant advises) and after
/// every reconnection to the broker. The values themselves travel on the meter's shared state topic,
/// which another output publishes; this sink only says how to read it.
/// </summary>
public sealed class HomeAssistantSink : IMeterSink
{
    private static readonly byte[] Online = "online"u8.ToArray();

    private readonly string _meter;
    private readonly HomeAssistantOptions _options;
    private readonly IMqttPublisher _publisher;
    private readonly Action? _republishState;
    private readonly DiscoveryJanitor? _janitor;
    private readonly TimeProvider _time;
    private readonly SentValues _sent;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    private MeterIdentity _identity = MeterIdentity.Unknown;
    private MeterIdentity? _announcedIdentity;
    private string? _announcedKey;
    private DateTimeOffset? _firstReading;
    private MqttOutgoing? _announcement;
    private int _rememberedVersion = -1;
    private DateTimeOffset _lastAt;
    private Task? _announceWhenSettled;

    /// <param name="meter">The meter's configured name (its state topic is <c>han/&lt;meter&gt;/state</c>).</param>
    /// <param name="republishState">Publishes the meter's current state again; called after re-announcing on Home Assistant's birth message, since Home Assistant reads states only once the configs are processed.</param>
    /// <param name="janitor">Told what this meter announced, so that a device announced before under another id (a replaced meter) is removed.</param>
    public HomeAssistantSink(string meter, HomeAssistantOptions options, IMqttPublisher publisher, Action? republishState = null, DiscoveryJanitor? janitor = null, TimeProvider? time = null)
    {
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _republishState = republishState;
        _janitor = janitor;
        _time = time ?? TimeProvider.System;
        _sent = new SentValues(options.CostEntities);
        _publisher.Subscribe(options.BirthTopic, OnBirthAsync);
        _publisher.Connected += AnnounceAgain;
    }

    public string Name => "homeassistant " + _meter;

    /// <summary>The config topic this meter was last announced on, or null before its first announcement.</summary>
    public string? AnnouncedTopic
    {
        get
        {
            lock (_gate)
            {
                return _announcement?.Topic;
            }
        }
    }

    public bool Accepts(MeterEvent item) => item is ReadingMade or LineStatus;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        // Locked: a meter that waited for the configs on the broker is announced from the janitor's side.
        lock (_gate)
        {
            switch (item)
            {
                case ReadingMade made:
                    var appeared = _sent.Add(made.Reading);
                    _identity = made.Reading.Identity;
                    _firstReading ??= made.At;
                    _lastAt = made.At;
                    Announce(appeared, made.At);
                    break;
                case LineStatus status:
                    _lastAt = status.At;
                    Announce(_sent.Add(status), status.At);
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// han has computed the meter's cost (<c>han/&lt;meter&gt;/cost</c>) with values for these keys: their
    /// entities join the device (announced again when one is new). Called by the cost publisher, from its own task.
    /// </summary>
    public void CostKnown(IReadOnlyCollection<string> keysWithValues)
    {
        lock (_gate)
        {
            Announce(_sent.AddCost(keysWithValues), _lastAt);
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_announceWhenSettled is { IsCompleted: false } waiting && _publisher.IsConnected && _janitor is not null)
        {
            // A short run (a recording replayed) may end before the broker's configs had time to come
            // back: the meter is still announced, as long as the connection's close gives it time to go out.
            await Task.WhenAny(waiting, Task.Delay(_options.RetainedConfigsSettle + TimeSpan.FromSeconds(1), _time)).ConfigureAwait(false);
        }

        _publisher.Connected -= AnnounceAgain;
        // Cancelled, not disposed: a birth message may still arrive (a subscription is never taken back).
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Announces the meter when something about it is new; under <see cref="_gate"/>.</summary>
    private void Announce(bool appeared, DateTimeOffset now)
    {
        var key = DeviceKey(now);
        if (key is null)
        {
            return; // wait for the meter id: Aidon and Kaifa send it in their 10-second list only
        }

        if (_janitor is { ReadyToAnnounce: false })
        {
            _announceWhenSettled ??= AnnounceWhenSettledAsync(_janitor); // the configs left on the broker are still coming
            return;
        }

        var remembered = _janitor?.RememberedVersion ?? 0;
        if (_janitor is not null && (remembered != _rememberedVersion || key != _announcedKey))
        {
            // Every component the device had before (an earlier run, a longer list) stays announced.
            _rememberedVersion = remembered;
            appeared |= _sent.Remember(_janitor.RememberedComponents(ConfigTopic(key)));
        }

        if (!appeared && key == _announcedKey && _identity == _announcedIdentity)
        {
            return; // the common case, every few seconds: nothing new, nothing built
        }

        var device = new DiscoveredDevice(_meter, key, _identity.Manufacturer, _identity.MeterType, _identity.MeterId, _identity.ListVersion, _sent.Entities);
        var topic = ConfigTopic(key);
        var announcement = new MqttOutgoing(topic, DiscoveryPayloadWriter.Write(device, _options, _publisher.TopicPrefix, _publisher.StatusTopic), Retain: true);
        var previous = _announcement;
        _announcement = announcement;

        if (previous is not null && previous.Topic != topic)
        {
            _publisher.Publish(MqttOutgoing.Clear(previous.Topic)); // another meter on this line now, or its id came after all
        }

        _announcedKey = key;
        _announcedIdentity = _identity;
        _publisher.Publish(announcement);
        _janitor?.Announced(_meter, topic);
    }

    private async Task AnnounceWhenSettledAsync(DiscoveryJanitor janitor)
    {
        try
        {
            await janitor.Settled.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // han is stopping
        }

        lock (_gate)
        {
            Announce(false, _lastAt);
        }
    }

    private string ConfigTopic(string deviceKey) => DiscoveryTopics.Config(_options.DiscoveryPrefix, DiscoveredDevice.IdOf(deviceKey));

    /// <summary>The meter id; or, once the meter has sent readings without one for a while, its configured name.</summary>
    private string? DeviceKey(DateTimeOffset now) =>
        _identity.MeterId
        ?? (_firstReading is { } first && now - first >= _options.IdentityPatience ? _meter : null);

    private ValueTask OnBirthAsync(MqttIncoming message)
    {
        if (message.Payload.Span.SequenceEqual(Online))
        {
            _ = AnnounceAfterBirthAsync(_stopping.Token);
        }

        return ValueTask.CompletedTask;
    }

    private async Task AnnounceAfterBirthAsync(CancellationToken cancellationToken)
    {
        var maxMilliseconds = (int)Math.Max(0, _options.MaxAnnounceDelay.TotalMilliseconds);
        var wait = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(maxMilliseconds + 1));
        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // han is stopping
        }

        if (AnnounceAgainNow())
        {
            _republishState?.Invoke();
        }
    }

    private void AnnounceAgain() => AnnounceAgainNow();

    private bool AnnounceAgainNow()
    {
        MqttOutgoing? announcement;
        lock (_gate)
        {
            announcement = _announcement;
        }

        if (announcement is not null)
        {
            _publisher.Publish(announcement);
        }

        return announcement is not null;
    }
}
