using System.Text.Json;
using Han.Integrations.Mqtt;

namespace Han.Integrations.HomeAssistant;

/// <summary>
/// Removes the Home Assistant devices han announced before and should not any more: a meter taken out
/// of the configuration, or a meter replaced (the same configured name, another meter id). The broker
/// is the memory: han's configs are retained, so subscribing to every device config under the
/// discovery prefix hands back each one han ever left there; those whose origin is han and whose state
/// topic is under this han's topic prefix belong to this han, and the state topic names the meter.
/// One per service; the meters' sinks tell it what they announce.
/// <para>The same retained configs are the memory of what each device had: after a restart a meter
/// first sends only a few of its values (the registers come with the hourly list), and an announcement
/// with fewer components than the retained one would take the others away from Home Assistant until
/// they come again (an Energy dashboard entity unavailable for up to an hour, its settings at risk). So
/// the sinks announce only once the retained configs had time to arrive after the connection
/// (<see cref="ReadyToAnnounce"/>), and keep every component a device had (<see cref="RememberedComponents"/>).</para>
/// </summary>
public sealed class DiscoveryJanitor : IDisposable
{
    private readonly HomeAssistantOptions _options;
    private readonly IMqttPublisher _publisher;
    private readonly HashSet<string> _configured;
    private readonly ITimer _removal;
    private readonly ITimer _settling;
    private readonly Lock _gate = new();

    /// <summary>The component ids of every config of this han seen on the broker: topic to ids.</summary>
    private readonly Dictionary<string, HashSet<string>> _components = [];

    private int _componentsVersion;
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Configs of configured meters seen on the broker: topic to meter.</summary>
    private readonly Dictionary<string, string> _seen = [];

    /// <summary>Configs of meters no longer configured, removed when <see cref="HomeAssistantOptions.RemovalDelay"/> has passed.</summary>
    private readonly HashSet<string> _unconfigured = [];

    /// <summary>What each meter announced in this run: meter to topic.</summary>
    private readonly Dictionary<string, string> _announced = [];

    private readonly List<string> _removed = [];

    public DiscoveryJanitor(HomeAssistantOptions options, IMqttPublisher publisher, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _configured = [.. options.ConfiguredMeters];
        var clock = time ?? TimeProvider.System;
        _removal = clock.CreateTimer(_ => RemoveUnconfigured(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _settling = clock.CreateTimer(_ => _settled.TrySetResult(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _publisher.Connected += StartSettling;
        _publisher.Subscribe(DiscoveryTopics.AllConfigs(options.DiscoveryPrefix), OnConfigAsync);
        if (_publisher.IsConnected)
        {
            StartSettling(); // connected already: the subscription just made brings the retained configs now
        }
    }

    /// <summary>
    /// True once the retained configs had <see cref="HomeAssistantOptions.RetainedConfigsSettle"/> to
    /// arrive after the first connection (the broker sends them right after it acknowledges the
    /// subscription); before that, an announcement could take away components Home Assistant has.
    /// </summary>
    public bool ReadyToAnnounce => _settled.Task.IsCompleted;

    /// <summary>Completes when <see cref="ReadyToAnnounce"/> becomes true: a meter that had to wait announces then.</summary>
    public Task Settled => _settled.Task;

    /// <summary>Grows whenever a config on the broker shows components not seen before: a cheap check for a sink before it asks <see cref="RememberedComponents"/>.</summary>
    public int RememberedVersion => Volatile.Read(ref _componentsVersion);

    /// <summary>The component ids of the config retained on <paramref name="topic"/> (and of the configs han sent there since), empty when none.</summary>
    public IReadOnlyCollection<string> RememberedComponents(string topic)
    {
        lock (_gate)
        {
            return _components.TryGetValue(topic, out var ids) ? [.. ids] : [];
        }
    }

    /// <summary>Topics of configs this janitor removed (for the log and the tests).</summary>
    public IReadOnlyList<string> Removed
    {
        get
        {
            lock (_gate)
            {
                return [.. _removed];
            }
        }
    }

    /// <summary>A meter was announced on <paramref name="topic"/>: any other config of that meter is a device of its own past.</summary>
    public void Announced(string meter, string topic)
    {
        List<string> stale;
        lock (_gate)
        {
            _announced[meter] = topic;
            _unconfigured.Remove(topic); // a meter renamed in the configuration: the same device, now under its new name
            stale = [.. _seen.Where(pair => pair.Value == meter && pair.Key != topic).Select(pair => pair.Key)];
        }

        foreach (var old in stale)
        {
            Remove(old);
        }
    }

    public void Dispose()
    {
        _publisher.Connected -= StartSettling;
        _removal.Dispose();
        _settling.Dispose();
    }

    private void StartSettling()
    {
        if (_options.RetainedConfigsSettle <= TimeSpan.Zero)
        {
            _settled.TrySetResult();
        }
        else if (!ReadyToAnnounce)
        {
            _settling.Change(_options.RetainedConfigsSettle, Timeout.InfiniteTimeSpan);
        }
    }

    private ValueTask OnConfigAsync(MqttIncoming message)
    {
        if (message.Payload.IsEmpty)
        {
            lock (_gate)
            {
                _seen.Remove(message.Topic); // removed (by us or by hand)
                _unconfigured.Remove(message.Topic);
                _components.Remove(message.Topic);
            }

            return ValueTask.CompletedTask;
        }

        if (Read(message) is not var (meter, components))
        {
            return ValueTask.CompletedTask; // not ours: another program's device, or another han's prefix
        }

        var replaced = false;
        lock (_gate)
        {
            Remember(message.Topic, components);
            if (!_configured.Contains(meter))
            {
                // Not at once: a meter renamed in the configuration announces the same device under its new
                // name once it has sent its id; removing first would make Home Assistant drop the entities' settings.
                if (!_announced.ContainsValue(message.Topic) && _unconfigured.Add(message.Topic) && _unconfigured.Count == 1)
                {
                    _removal.Change(_options.RemovalDelay, Timeout.InfiniteTimeSpan);
                }
            }
            else if (_announced.TryGetValue(meter, out var current) && current != message.Topic)
            {
                replaced = true;
            }
            else
            {
                _seen[message.Topic] = meter;
            }
        }

        if (replaced)
        {
            Remove(message.Topic);
        }

        return ValueTask.CompletedTask;
    }

    private void RemoveUnconfigured()
    {
        List<string> due;
        lock (_gate)
        {
            due = [.. _unconfigured.Where(topic => !_announced.ContainsValue(topic))];
            _unconfigured.Clear();
        }

        foreach (var topic in due)
        {
            Remove(topic);
        }
    }

    private void Remove(string topic)
    {
        lock (_gate)
        {
            _seen.Remove(topic);
            _removed.Add(topic);
        }

        // An empty retained config removes the device and its entities in Home Assistant and the config on the broker (integrations.md §1.1).
        _publisher.Publish(MqttOutgoing.Clear(topic));
    }

    /// <summary>Adds a config's components to what its topic is known to have had (under the gate).</summary>
    private void Remember(string topic, List<string> components)
    {
        if (!_components.TryGetValue(topic, out var known))
        {
            known = new HashSet<string>(StringComparer.Ordinal);
            _components.Add(topic, known);
        }

        var grew = false;
        foreach (var id in components)
        {
            grew |= known.Add(id);
        }

        if (grew)
        {
            Interlocked.Increment(ref _componentsVersion);
        }
    }

    /// <summary>The meter a config of this han is for (from its state topic) and its components; null for a config that is not this han's.</summary>
    private (string Meter, List<string> Components)? Read(MqttIncoming message)
    {
        var deviceId = message.Topic.Split('/')[^2];
        if (!deviceId.StartsWith("han_", StringComparison.Ordinal))
        {
            return null; // cheap test first: every other device config on the broker passes by here
        }

        try
        {
            using var document = JsonDocument.Parse(message.Payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("o", out var origin) || origin.ValueKind != JsonValueKind.Object
                || !origin.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || name.GetString() != DiscoveryPayloadWriter.OriginName
                || !root.TryGetProperty("stat_t", out var stateTopic) || stateTopic.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return MeterOfStateTopic(stateTopic.GetString()!) is { } meter ? (meter, Components(root)) : null;
        }
        catch (JsonException)
        {
            return null; // not JSON: not a config han wrote
        }
    }

    /// <summary>
    /// The ids of a config's components, leaving out one reduced to its platform alone (<c>{"p":"sensor"}</c>),
    /// which is how a component is taken away from a device (integrations.md §1.1).
    /// </summary>
    private static List<string> Components(JsonElement root)
    {
        var ids = new List<string>();
        if (root.TryGetProperty("cmps", out var components) && components.ValueKind == JsonValueKind.Object)
        {
            foreach (var component in components.EnumerateObject())
            {
                if (component.Value.ValueKind == JsonValueKind.Object && component.Value.EnumerateObject().Any(p => p.Name != "p"))
                {
                    ids.Add(component.Name);
                }
            }
        }

        return ids;
    }

    private string? MeterOfStateTopic(string stateTopic)
    {
        var prefix = _publisher.TopicPrefix + "/";
        const string Suffix = "/state";
        if (!stateTopic.StartsWith(prefix, StringComparison.Ordinal) || !stateTopic.EndsWith(Suffix, StringComparison.Ordinal)
            || stateTopic.Length <= prefix.Length + Suffix.Length)
        {
            return null;
        }

        var meter = stateTopic[prefix.Length..^Suffix.Length];
        return meter.Contains('/', StringComparison.Ordinal) ? null : meter;
    }
}
