using Han.Sources.Live;

namespace Han.Sources.Mqtt;

/// <summary>What the MQTT connection hands the reading side: a message as received, or a change of the connection's state.</summary>
internal sealed record Delivery(ReadOnlyMemory<byte> Payload, string Topic, bool Retained, DateTimeOffset ReceivedAt, SourceEvent? Event = null)
{
    public static Delivery Of(SourceEvent change) => new(ReadOnlyMemory<byte>.Empty, string.Empty, false, default, change);
}
