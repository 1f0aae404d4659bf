namespace Han.Integrations.Mqtt;

/// <summary>
/// The messages waiting for the broker, oldest first, bounded. A message leaves only when the broker
/// has it (its PUBACK for QoS 1), so one in flight when the connection breaks is sent again after the
/// reconnect: at least once, never lost to a broker restart. When the queue is full a new message
/// pushes out, in this order: the oldest retained message that a newer one on the same topic replaces
/// anyway (the broker keeps only the newest retained message per topic, so nobody would see the older
/// one later); else the oldest message that is not retained (a value that is already history); else
/// the oldest message. The message being sent is never pushed out. Every drop is counted.
/// </summary>
public sealed class MqttOutbox : IDisposable
{
    private readonly LinkedList<MqttOutgoing> _queue = new();
    private readonly Dictionary<string, int> _retainedPerTopic = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _arrived = new(0, 1);
    private readonly MqttCounters _counters;
    private readonly int _capacity;
    private LinkedListNode<MqttOutgoing>? _inFlight;

    public MqttOutbox(int capacity, MqttCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
    }

    public int Count
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues a message; when full, first makes room as described above. Never waits.</summary>
    public void Add(MqttOutgoing message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_queue)
        {
            if (_queue.Count >= _capacity && Victim(message) is { } victim)
            {
                Remove(victim);
                _counters.CountDropped();
            }

            if (_queue.Count >= _capacity)
            {
                _counters.CountDropped(); // a queue of one, holding the message in flight: the new one cannot wait
                return;
            }

            _queue.AddLast(message);
            if (message.Retain)
            {
                _retainedPerTopic[message.Topic] = _retainedPerTopic.GetValueOrDefault(message.Topic) + 1;
            }
        }

        if (_arrived.CurrentCount == 0)
        {
            try
            {
                _arrived.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another producer signalled at the same moment: one signal is all the sender needs.
            }
        }
    }

    /// <summary>The oldest message, marked as in flight until <see cref="Done"/> or <see cref="Retry"/>; waits until there is one.</summary>
    public async Task<MqttOutgoing> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_queue)
            {
                if (_queue.First is { } first)
                {
                    _inFlight = first;
                    return first.Value;
                }
            }

            await _arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The message in flight reached the broker (or was refused by it): it leaves the queue.</summary>
    public void Done()
    {
        lock (_queue)
        {
            if (_inFlight is { } node)
            {
                Remove(node);
            }
        }
    }

    /// <summary>The message in flight did not get through (the connection broke): it stays first, to be sent again.</summary>
    public void Retry()
    {
        lock (_queue)
        {
            _inFlight = null;
        }
    }

    public void Dispose() => _arrived.Dispose();

    private LinkedListNode<MqttOutgoing>? Victim(MqttOutgoing incoming)
    {
        LinkedListNode<MqttOutgoing>? oldestNotRetained = null;
        LinkedListNode<MqttOutgoing>? oldest = null;
        for (var node = _queue.First; node is not null; node = node.Next)
        {
            if (node == _inFlight)
            {
                continue;
            }

            oldest ??= node;
            var message = node.Value;
            if (message.Retain)
            {
                var newerOnTopic = _retainedPerTopic[message.Topic] > 1 || (incoming.Retain && incoming.Topic == message.Topic);
                if (newerOnTopic)
                {
                    return node;
                }
            }
            else
            {
                oldestNotRetained ??= node;
            }
        }

        return oldestNotRetained ?? oldest;
    }

    private void Remove(LinkedListNode<MqttOutgoing> node)
    {
        if (node == _inFlight)
        {
            _inFlight = null;
        }

        _queue.Remove(node);
        if (node.Value.Retain)
        {
            var left = _retainedPerTopic[node.Value.Topic] - 1;
            if (left == 0)
            {
                _retainedPerTopic.Remove(node.Value.Topic);
            }
            else
            {
                _retainedPerTopic[node.Value.Topic] = left;
            }
        }
    }
}
