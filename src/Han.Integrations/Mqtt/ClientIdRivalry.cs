namespace Han.Integrations.Mqtt;

/// <summary>
/// Recognises another client connecting with han's client id. A broker lets one connection hold a
/// client id: a second one takes the session and the broker closes the first (MQTT 5 may say so with
/// SessionTakenOver; mosquitto 2.0 and every MQTT 3.1.1 broker just close it). Two clients that both
/// reconnect at once then push each other off for ever, each one's log full of lost connections. So a
/// connection the broker ended, followed by a reconnect that succeeded at its first attempt (the broker
/// was there all along and took han again), is a suspicion; <see cref="Suspicions"/> of them within
/// five times the longest back-off (or one SessionTakenOver) make the rivalry known: told once, and
/// from then on han waits the longest back-off after each loss and says nothing of the losses. It ends
/// once a connection has held for three times the longest back-off (a rival that waits as long would
/// have come back by then). Thread-safe: the connection loop, MQTTnet's receive thread and the check
/// for calm all call it.
/// </summary>
internal sealed class ClientIdRivalry(TimeSpan longestWait)
{
    /// <summary>Losses followed by an at once successful reconnect that make the rivalry known; one broker restart makes one.</summary>
    public const int Suspicions = 3;

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _suspicions = new();
    private DateTimeOffset? _lost;
    private bool _takenOver;
    private bool _active;

    /// <summary>How long suspicions count.</summary>
    public TimeSpan Window { get; } = longestWait * 5;

    /// <summary>How long a connection must hold to end the rivalry.</summary>
    public TimeSpan Calm { get; } = longestWait * 3;

    /// <summary>True while another client is known to take han's client id: han waits the longest after a loss and is quiet about it.</summary>
    public bool Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The broker said it ended han's connection because another client took the session (MQTT 5 SessionTakenOver).</summary>
    public void TakenOver()
    {
        lock (_gate)
        {
            _takenOver = true;
        }
    }

    /// <summary>A connection that worked ended at <paramref name="now"/>.</summary>
    public void Lost(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lost = now;
        }
    }

    /// <summary>An attempt to connect failed: the broker was away or refused han, which no rival explains.</summary>
    public void AttemptFailed()
    {
        lock (_gate)
        {
            _lost = null;
            _takenOver = false;
            _suspicions.Clear();
        }
    }

    /// <summary>han connected at <paramref name="now"/>.</summary>
    /// <returns>True when this makes the rivalry known (to be told now, once).</returns>
    public bool Connected(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_lost is { } lost)
            {
                _suspicions.Enqueue(lost);
                _lost = null;
            }

            while (_suspicions.TryPeek(out var oldest) && now - oldest > Window)
            {
                _suspicions.Dequeue();
            }

            if (_active || !(_takenOver || _suspicions.Count >= Suspicions))
            {
                return false;
            }

            _active = true;
            _takenOver = false;
            _suspicions.Clear();
            return true;
        }
    }

    /// <summary>The connection made at the last <see cref="Connected"/> has held for <see cref="Calm"/>.</summary>
    /// <returns>True when this ends a rivalry (to be told now, once).</returns>
    public bool Held()
    {
        lock (_gate)
        {
            var ended = _active;
            _active = false;
            _suspicions.Clear();
            return ended;
        }
    }
}
