using Han.Pipeline;
using Han.Pipeline.Diagnosis;

namespace Han.Sources.Live;

/// <summary>
/// Hands a source's chunk to a decoder as every reader must: the break first when the chunk follows one
/// (<see cref="ReceivedChunk.AfterBreak"/>), so a frame the lost line cut does not hold back the lists
/// after it; then the bytes with their receive time; and, when the chunk is one whole message, the
/// message's end, so its bytes never wait for the next message's.
/// </summary>
public static class ReceivedChunkDecoding
{
    public static void Add(this StreamDecoder decoder, in ReceivedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (chunk.AfterBreak)
        {
            decoder.Break();
        }

        decoder.Add(chunk.Bytes.Span, chunk.ReceivedAt);
        if (chunk.WholeMessage)
        {
            decoder.EndMessage();
        }
    }

    public static void Add(this Diagnoser diagnoser, in ReceivedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(diagnoser);
        if (chunk.AfterBreak)
        {
            diagnoser.Break();
        }

        diagnoser.Add(chunk.Bytes.Span, chunk.ReceivedAt);
        if (chunk.WholeMessage)
        {
            diagnoser.EndMessage();
        }
    }
}
