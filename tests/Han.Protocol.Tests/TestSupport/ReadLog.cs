using Han.Protocol.Framing;

namespace Han.Protocol.Tests;

/// <summary>Everything one pass of a frame reader over an input produced.</summary>
internal sealed class ReadLog<TReader, TPiece>
    where TPiece : IReadPiece
{
    public List<TPiece> Frames { get; } = [];

    public List<FrameDiscard> Discards { get; } = [];

    public required TReader Reader { get; init; }

    public required FramingStatistics Statistics { get; init; }

    public long Consumed { get; set; }

    public IEnumerable<FrameDiscard> Skipped => Discards.Where(d => d.Reason == DecodeError.SkippedBytes);

    public IEnumerable<FrameDiscard> Rejected => Discards.Where(d => d.Reason != DecodeError.SkippedBytes);

    /// <summary>Offsets and lengths, for comparing two passes in one assertion.</summary>
    public string Describe() => string.Join(", ", Frames.Select(f => $"{f.Offset}+{f.Length}"));
}
