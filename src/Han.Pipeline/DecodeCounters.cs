using Han.Protocol;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Pipeline;

/// <summary>Running totals of one decoded stream (the framing totals are in <see cref="Framing"/>).</summary>
public sealed class DecodeCounters
{
    private readonly long[] _problemsByLayer = new long[Enum.GetValues<DecodeLayer>().Length];

    /// <summary>Where every byte of the input went (frames or discards), once the input kind is known.</summary>
    public FramingStatistics Framing { get; internal set; } = new();

    /// <summary>Bytes seen in total.</summary>
    public long Bytes { get; internal set; }

    public long Apdus { get; internal set; }

    public long Readings { get; internal set; }

    public long Problems { get; private set; }

    public long ProblemsIn(DecodeLayer layer) => _problemsByLayer[(int)layer];

    internal void AddProblem(DecodeLayer layer)
    {
        Problems++;
        _problemsByLayer[(int)layer]++;
    }
}
