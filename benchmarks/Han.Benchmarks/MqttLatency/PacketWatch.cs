using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet.Diagnostics.PacketInspection;

namespace Han.Benchmarks.MqttLatency;

/// <summary>
/// The end of the latency measured: MQTTnet's packet inspection of han's connection, which MQTTnet
/// raises with each encoded packet just before it writes it to the socket, and with each packet read
/// from it. A state PUBLISH (<c>&lt;prefix&gt;/&lt;meter&gt;/state</c>) is matched by its topic and the
/// <c>received</c> in its JSON to the reading it carries; its PUBACK by the packet identifier. Only the
/// fixed header, the topic and the packet identifier are read (MQTT 3.1.1 §2.2, §3.3, §3.4: the same
/// for MQTT 5, whose properties come after the identifier), and the payload is searched for the key.
/// </summary>
internal sealed class PacketWatch(LatencyLedger ledger)
{
    private const byte PublishType = 3;
    private const byte PubAckType = 4;
    private static readonly byte[] ReceivedKey = "\"received\":\""u8.ToArray();

    private readonly ConcurrentDictionary<int, ReadingTimes> _awaitingAck = new();
    private long _unmatched;

    /// <summary>State PUBLISHes whose <c>received</c> is no reading the ledger knows (should stay 0: the harness fails otherwise).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    public Task InspectAsync(InspectMqttPacketEventArgs packet)
    {
        var now = Stopwatch.GetTimestamp();
        var bytes = packet.Buffer;
        var type = bytes[0] >> 4;
        if (packet.Direction == MqttPacketFlowDirection.Outbound && type == PublishType)
        {
            Published(bytes, now);
        }
        else if (packet.Direction == MqttPacketFlowDirection.Inbound && type == PubAckType)
        {
            var identifier = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(HeaderLength(bytes)));
            if (_awaitingAck.TryRemove(identifier, out var times) && times.Acknowledged == 0)
            {
                times.Acknowledged = now;
            }
        }

        return Task.CompletedTask;
    }

    private void Published(byte[] bytes, long now)
    {
        var at = HeaderLength(bytes);
        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
        var topic = Encoding.UTF8.GetString(bytes, at + 2, topicLength);
        if (!topic.EndsWith("/state", StringComparison.Ordinal))
        {
            return; // availability, discovery configs, han/status
        }

        at += 2 + topicLength;
        int? identifier = null;
        if (((bytes[0] >> 1) & 3) > 0)
        {
            identifier = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
            at += 2;
        }

        var meter = topic.Split('/')[^2];
        var payload = bytes.AsSpan(at);
        var start = payload.IndexOf(ReceivedKey);
        if (start < 0)
        {
            return; // a line status before the meter's first reading
        }

        var times = ledger.Find(LatencyLedger.Key(meter, Encoding.UTF8.GetString(Value(payload[(start + ReceivedKey.Length)..]))));
        if (times is null)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        times.Publishes++;
        if (times.Sent != 0)
        {
            return; // a line status or a republish after it: the reading's latency is its first PUBLISH
        }

        times.Sent = now;
        if (identifier is { } id)
        {
            _awaitingAck[id] = times;
        }
    }

    private static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> from) => from[..from.IndexOf((byte)'"')];

    /// <summary>The fixed header's length: the type byte and 1-4 bytes of remaining length (7 bits each, high bit: more follow).</summary>
    private static int HeaderLength(byte[] bytes)
    {
        var at = 1;
        while ((bytes[at] & 0x80) != 0)
        {
            at++;
        }

        return at + 1;
    }
}
