using MQTTnet;

namespace Han.Integrations.Mqtt;

/// <summary>
/// The topic filters han's outputs subscribed to, with their handlers: made again after every connect,
/// and matched against every incoming message. A list, not a map by filter: several outputs may wait
/// on one topic (each meter's Home Assistant output on the birth message), and each must get every
/// message. Thread-safe: outputs add while MQTTnet's receive thread reads.
/// </summary>
internal sealed class SubscriptionTable
{
    private readonly List<(string Filter, Func<MqttIncoming, ValueTask> Handler)> _entries = [];

    public void Add(string filter, Func<MqttIncoming, ValueTask> handler)
    {
        lock (_entries)
        {
            _entries.Add((filter, handler));
        }
    }

    /// <summary>Every filter once, for the SUBSCRIBE after a connect.</summary>
    public string[] Filters()
    {
        lock (_entries)
        {
            return [.. _entries.Select(s => s.Filter).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>The handlers whose filter matches <paramref name="topic"/>.</summary>
    public List<Func<MqttIncoming, ValueTask>> HandlersFor(string topic)
    {
        lock (_entries)
        {
            return [.. _entries.Where(s => MqttTopicFilterComparer.Compare(topic, s.Filter) == MqttTopicFilterCompareResult.IsMatch).Select(s => s.Handler)];
        }
    }
}
