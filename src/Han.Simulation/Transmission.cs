using Han.Readings;
using Han.Simulation.Faults;
using Han.Simulation.Meters;
using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation;

/// <summary>
/// One entry of the "what I sent" log: a list the meter was due to send, what it measured, what went
/// on the wire and whether it was damaged. A test decodes the concatenated <see cref="Wire"/> bytes and
/// expects exactly <see cref="Expected"/> from each intact one and a problem from each damaged one.
/// </summary>
public sealed record Transmission
{
    /// <summary>1 for the first list of the run.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the list was due (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The same instant on the meter's clock: Norwegian wall time with its offset.</summary>
    public DateTimeOffset LocalTime => NorwegianTime.ToLocal(Time);

    public required ListKind Kind { get; init; }

    /// <summary>The list the meter composed at this moment.</summary>
    public required MeterReading Content { get; init; }

    /// <summary>The powers measured at this moment, which the energy registers integrate (whatever the list shows).</summary>
    public required MeasuredPower Measured { get; init; }

    /// <summary>What a decoder reads from <see cref="Wire"/>; null when the wire holds no intact list.</summary>
    public MeterReading? Expected { get; init; }

    /// <summary>The bytes written for this list (empty when nothing was sent).</summary>
    public byte[] Wire { get; init; } = [];

    /// <summary>Where <see cref="Wire"/> starts in the output stream.</summary>
    public long Offset { get; init; }

    /// <summary>Where the frame starts inside <see cref="Wire"/> (after noise).</summary>
    public int FrameStart { get; init; }

    public FaultKind? Fault { get; init; }

    /// <summary>True when the connection drops after <see cref="Wire"/> (TCP clients are closed).</summary>
    public bool DropsConnection { get; init; }

    public bool Intact => Expected is not null;
}
