namespace Han.Protocol.Tests;

/// <summary>What a reader harness keeps of a frame: where it starts in the stream and how many bytes it copied.</summary>
internal interface IReadPiece
{
    long Offset { get; }

    int Length { get; }
}
