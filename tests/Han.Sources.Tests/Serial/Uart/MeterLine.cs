using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial.Uart;

/// <summary>
/// A meter pushing on its line: <paramref name="pushes"/> in turn (a push is one frame, or the segments
/// a meter sends together), one every <paramref name="cadence"/> seconds from <paramref name="firstAt"/>
/// until <paramref name="duration"/>, the line idle in between as real meters leave it.
/// </summary>
internal sealed class MeterLine
{
    public MeterLine(LineSettings settings, IReadOnlyList<byte[]> pushes, double cadence, double duration, double firstAt = 0.3, int gapBits = 0, double clockError = 0)
    {
        Settings = settings;
        Duration = duration;
        var transmitter = new UartTransmitter(Signal, settings, clockError, gapBits);
        var start = firstAt;
        for (var i = 0; start < duration; i++)
        {
            var end = transmitter.Send(start, pushes[i % pushes.Count]);
            Sent.Add(pushes[i % pushes.Count]);

            // A push longer than the cadence delays the next, as a meter's send queue would.
            start = Math.Max(start + cadence, end + 0.001);
        }
    }

    public LineSettings Settings { get; }

    public double Duration { get; }

    public UartSignal Signal { get; } = new();

    /// <summary>Every push, in the order sent.</summary>
    public List<byte[]> Sent { get; } = [];
}
