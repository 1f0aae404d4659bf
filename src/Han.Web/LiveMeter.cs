using System.Buffers;
using System.Text.Json;
using Han.Integrations.Mqtt;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings.Json;

namespace Han.Web;

/// <summary>
/// What the web server knows of one meter, kept by its <see cref="WebSink"/> from han run's fan-out:
/// the merged state (the same document as the MQTT state topic, DESIGN.md §2.2 keys), the last hour of
/// power, the newest line status, and the clients following its live stream. Written by the sink's
/// task, read by requests: every access holds the lock, and what leaves it is a copy.
/// </summary>
public sealed class LiveMeter
{
    private readonly object _gate = new();
    private readonly MeterStateDocument _state;
    private readonly RecentPower _recent = new();
    private readonly LiveReadingJsonWriter _readings = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly List<StreamClient> _clients = [];
    private LineStatus? _line;
    private long _streamDrops;

    public LiveMeter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _state = new MeterStateDocument(name);
    }

    public string Name { get; }

    /// <summary>Readings dropped for stream clients that fell behind, since han started.</summary>
    public long StreamDrops => Interlocked.Read(ref _streamDrops);

    public int StreamClients
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>The merged reading so far (null before the first) and the newest line status (null before the first).</summary>
    public (LiveReading? State, LineStatus? Line) Snapshot()
    {
        lock (_gate)
        {
            return (_state.State, _line);
        }
    }

    public void Add(ReadingMade made)
    {
        ArgumentNullException.ThrowIfNull(made);
        lock (_gate)
        {
            _state.Add(made.Reading);
            _recent.Add(made.Reading.Reading.Received ?? made.At, made.Reading.Reading);
            if (_clients.Count == 0)
            {
                return;
            }

            // One reading's JSON, written once for every client.
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer, ReadingJsonWriter.Options))
            {
                _readings.Write(writer, Name, made.Reading);
            }

            var json = _buffer.WrittenSpan.ToArray();
            foreach (var client in _clients)
            {
                client.Offer(json);
            }
        }
    }

    /// <summary>The power of lists received before han started (oldest first), for the live graph's first hour; see <see cref="RecentPower.Seed"/>.</summary>
    public void SeedRecent(IReadOnlyList<(DateTimeOffset At, decimal? Import, decimal? Export)> points)
    {
        lock (_gate)
        {
            _recent.Seed(points);
        }
    }

    public void Add(LineStatus line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _state.Add(line);
            _line = line;
        }
    }

    /// <summary>The state as <c>han/&lt;meter&gt;/state</c> has it.</summary>
    public void WriteState(Utf8JsonWriter writer)
    {
        lock (_gate)
        {
            _state.Write(writer);
        }
    }

    public void WriteRecent(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            writer.WriteStartObject();
            writer.WriteString("meter", Name);
            _recent.Write(writer);
            writer.WriteEndObject();
        }
    }

    internal StreamClient Follow()
    {
        var client = new StreamClient(() => Interlocked.Increment(ref _streamDrops));
        lock (_gate)
        {
            _clients.Add(client);
        }

        return client;
    }

    internal void Unfollow(StreamClient client)
    {
        lock (_gate)
        {
            _clients.Remove(client);
        }

        client.End();
    }

    /// <summary>Ends every stream (han is stopping).</summary>
    internal void EndStreams()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.End();
            }
        }
    }
}
