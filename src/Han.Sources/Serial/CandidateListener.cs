using System.IO.Pipelines;
using Han.Pipeline;

namespace Han.Sources.Serial;

/// <summary>Listens at one candidate setting and decodes what arrives, until the verdict is clear or the window ends.</summary>
internal static class CandidateListener
{
    public static async Task<CandidateObservation> ListenAsync(ILineProbe probe, LineSettingsCandidate candidate, LineDetectorOptions options, CancellationToken cancellationToken)
    {
        var evidence = new LineEvidence();
        using var decoder = new StreamDecoder(evidence, DecoderOptions.Default);

        // The decoder keeps the start of a frame that needs more bytes; the pipe holds it for the next
        // chunk. It must never make the writer wait: nothing reads it but this loop.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        long bytes = 0;
        long lineErrors = 0;
        var stoppedEarly = false;
        await foreach (var chunk in probe.ListenAsync(candidate.Settings, options.Window, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            bytes += chunk.Bytes.Length;
            lineErrors += chunk.LineErrors;
            await pipe.Writer.WriteAsync(chunk.Bytes, cancellationToken).ConfigureAwait(false);
            if (!pipe.Reader.TryRead(out var read))
            {
                continue;
            }

            var buffer = read.Buffer;
            decoder.Feed(ref buffer, isFinalBlock: false);
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (evidence.GoodFramesInARow >= options.FramesToStopEarly && evidence.CheckBits >= LineEvidence.ProofBits)
            {
                stoppedEarly = true;
                break;
            }
        }

        // A frame cut by the end of the window is not the setting's fault: the decoder is not completed.
        var errors = probe.CountsLineErrors ? lineErrors : (long?)null;
        return new CandidateObservation(candidate, bytes, errors, evidence.GoodFrames, evidence.BadFrames, evidence.CheckBits,
            decoder.Kind, evidence.Verdict(bytes, errors), stoppedEarly);
    }
}
