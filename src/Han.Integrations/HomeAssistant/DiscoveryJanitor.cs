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
/// </summary>
public sealed class DiscoveryJanitor
{
    private readonly HomeAssistantOptions _options;
    private readonly IMqttPublisher _publisher;
    private readonly HashSet<string> _configured;
    private readonly Lock _gate = new();

    /// <summary>Configs of configured meters seen on the broker: topic to meter.</summary>
    private readonly Dictionary<string, string> _seen = [];

    /// <summary>What each meter announced in this run: meter to topic.</summary>
    private readonly Dictionary<string, string> _announced = [];

    public DiscoveryJanitor(HomeAssistantOptions options, IMqttPublisher publisher)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _configured = [.. options.ConfiguredMeters];
        _publisher.Subscribe(DiscoveryTopics.AllConfigs(options.DiscoveryPrefix), OnConfigAsync);
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

    private readonly List<string> _removed = [];

    /// <summary>A meter was announced on <paramref name="topic"/>: any other config of that meter is a device of its own past.</summary>
    public void Announced(string meter, string topic)
    {
        List<string> stale;
        lock (_gate)
        {
            _announced[meter] = topic;
            stale = [.. _seen.Where(pair => pair.Value == meter && pair.Key != topic).Select(pair => pair.Key)];
        }

        foreach (var old in stale)
        {
            Remove(old);
        }
    }

    private ValueTask OnConfigAsync(MqttIncoming message)
    {
        if (message.Payload.IsEmpty)
        {
            lock (_gate)
            {
                _seen.Remove(message.Topic); // removed (by us or by hand)
            }

            return ValueTask.CompletedTask;
        }

        if (MeterOf(message) is not { } meter)
        {
            return ValueTask.CompletedTask; // not ours: another program's device, or another han's prefix
        }

        bool stale;
        lock (_gate)
        {
            stale = !_configured.Contains(meter)
                || (_announced.TryGetValue(meter, out var current) && current != message.Topic);
            if (!stale)
            {
                _seen[message.Topic] = meter;
            }
        }

        if (stale)
        {
            Remove(message.Topic);
        }

        return ValueTask.CompletedTask;
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

    /// <summary>The meter a config of this han is for, from its state topic; null for a config that is not this han's.</summary>
    private string? MeterOf(MqttIncoming message)
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
                || !origin.TryGetProperty("name", out var name) || name.GetString() != DiscoveryPayloadWriter.OriginName
                || !root.TryGetProperty("stat_t", out var stateTopic) || stateTopic.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return MeterOfStateTopic(stateTopic.GetString()!);
        }
        catch (JsonException)
        {
            return null; // not JSON: not a config han wrote
        }
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
