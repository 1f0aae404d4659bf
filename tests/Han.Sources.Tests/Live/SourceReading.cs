using Han.Sources.Live;

namespace Han.Sources.Tests.Live;

/// <summary>Reads a live source until at least a number of bytes have come.</summary>
internal static class SourceReading
{
    public static async Task<List<ReceivedChunk>> TakeAsync(IByteSource source, int count, CancellationToken cancellationToken)
    {
        var chunks = new List<ReceivedChunk>();
        await foreach (var chunk in source.ReadAsync(cancellationToken))
        {
            chunks.Add(chunk);
            if (chunks.Sum(c => c.Bytes.Length) >= count)
            {
                break;
            }
        }

        return chunks;
    }
}
