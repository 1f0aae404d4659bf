using System.Buffers;
using System.IO.Pipelines;
using Han.Pipeline.Inputs;
using Han.Readings;

namespace Han.Pipeline;

/// <summary>
/// The read loop: bytes to frames to APDUs to readings, reported to a <see cref="DecodeObserver"/>.
/// The outer format is recognised from the bytes themselves (<see cref="InputDetector"/>); noise,
/// damaged frames and undecodable content are reported as problems and counted, and decoding always
/// goes on. One instance per stream: it remembers the meter, holds pending segments and the last
/// frame counter of each sender.
/// </summary>
public sealed class StreamDecoder : IDisposable
{
    /// <summary>New bytes that make a further detection attempt worth its cost (one HDLC list is 100-400 bytes).</summary>
    internal const int DetectionStep = 128;

    /// <summary>Up to this much held input, detection is tried again on every new piece of it.</summary>
    internal const int QuickDetectionWindow = 4096;

    private readonly DecodeContext _context;
    private readonly HeldBytes _pending = new();
    private FramedInput? _input;
    private long _detectionTriedAt = -DetectionStep;

    public StreamDecoder(DecodeObserver observer, DecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(options);
        _context = new DecodeContext(observer, options);
    }

    public StreamDecoder(DecodeObserver observer, Country country)
        : this(observer, new DecoderOptions(country))
    {
    }

    public InputKind Kind { get; private set; }

    public DecodeCounters Counters => _context.Counters;

    /// <summary>Ciphered frames whose authentication tag could not be checked because no authentication key was given.</summary>
    public long UnverifiedFrames => _context.Apdus.UnverifiedFrames;

    /// <summary>
    /// Bytes as they arrive from a live source, with the time they arrived (UTC): the readings they
    /// complete carry it. What does not complete a frame yet is held for the next call.
    /// </summary>
    public void Add(ReadOnlySpan<byte> bytes, DateTimeOffset? receivedAt = null)
    {
        _context.ReceivedAt = receivedAt;
        _pending.Append(bytes);
        var sequence = _pending.Held;
        var before = sequence.Length;
        Feed(ref sequence, isFinalBlock: false);
        _pending.Consume((int)(before - sequence.Length));
    }

    /// <summary>
    /// The live source lost its line and has it back (a bridge reconnected, an adapter plugged in again):
    /// the bytes held get no continuation. They are decoded as at an input's end (a frame cut short is
    /// reported and its bytes counted), and decoding goes on with the bytes that come next, remembering
    /// the meter. Without this, a cut frame's declared length would swallow the next bytes and hold back
    /// the lists in them until enough had come to fill it. Before the input's kind is known, the held
    /// bytes stay for the detection, which the next bytes help.
    /// </summary>
    public void Break()
    {
        if (_input is not null)
        {
            End();
        }
    }

    /// <summary>
    /// The bytes added since the last call were one whole message of a source that delivers messages
    /// rather than a stream (an MQTT payload): nothing that comes next continues them. What they leave
    /// unfinished is decoded as at an input's end (a frame cut short is reported and counted) instead of
    /// waiting for the next message's bytes. Unlike <see cref="Break"/>, an APDU whose HDLC segments or
    /// blocks come one per message is still joined: the messages are in order on one line.
    /// </summary>
    public void EndMessage()
    {
        var sequence = _pending.Held;
        Feed(ref sequence, isFinalBlock: true);
        _pending.Consume((int)_pending.Held.Length);
        _context.FlushSkippedBytes();
    }

    /// <summary>The live source has ended (or the watch is over): what is held is decoded as the input's end.</summary>
    public void End()
    {
        var sequence = _pending.Held;
        Feed(ref sequence, isFinalBlock: true);
        _pending.Consume((int)_pending.Held.Length);
        Complete();
    }

    /// <summary>Decodes a whole input held in memory.</summary>
    public void Decode(ReadOnlySpan<byte> input)
    {
        var sequence = new ReadOnlySequence<byte>(input.ToArray());
        Feed(ref sequence, isFinalBlock: true);
        Complete();
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end through a pipe, decoding as bytes arrive. When the
    /// stream fails (an <see cref="IOException"/>, an <see cref="InvalidDataException"/>), everything it
    /// delivered before is decoded as at the end of the input, and then the failure is thrown.
    /// </summary>
    public async Task DecodeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var input = new EndAtFailure(stream);
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                // A local file's reads finish at once and may never look at the token: look here.
                cancellationToken.ThrowIfCancellationRequested();
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                Feed(ref buffer, result.IsCompleted);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        Complete();
        input.ThrowIfFailed();
    }

    /// <summary>
    /// Consumes what it can from <paramref name="buffer"/> (advancing it); what is left is the start of
    /// a frame that needs more bytes. With <paramref name="isFinalBlock"/> everything is consumed.
    /// </summary>
    public void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        var before = buffer.Length;
        if (_input is null)
        {
            // Detection reads the whole buffer again. While little has come, that is cheap, and a meter
            // that sends one short list every few seconds (Aidon's list 1 is 44 bytes every 2.5 s) must
            // be read from its first frame: try on every new piece. Past that, a line that hands over a
            // few bytes at a time is tried again only once enough new bytes have come to change the answer.
            var step = buffer.Length <= QuickDetectionWindow ? 1 : DetectionStep;
            var grown = buffer.Length - _detectionTriedAt >= step;
            if (!(grown || isFinalBlock || buffer.Length >= InputDetector.MaxWindow))
            {
                return;
            }

            _detectionTriedAt = buffer.Length;
            var kind = InputDetector.Detect(buffer, isFinalBlock);
            if (kind == InputKind.Unknown)
            {
                return;
            }

            Kind = kind;
            _input = CreateInput(kind);
            Counters.Framing = _input.Statistics;
        }

        _input.Feed(ref buffer, isFinalBlock);
        Counters.Bytes += before - buffer.Length;
    }

    /// <summary>Ends the stream: decodes a lone message, reports what never completed.</summary>
    public void Complete()
    {
        // Skipped bytes still held are reported before any later problem (Report flushes them) or at the end.
        _input?.Complete();
        _context.Apdus.Complete();
        _context.FlushSkippedBytes();
    }

    public void Dispose() => _context.Dispose();

    private FramedInput CreateInput(InputKind kind) => kind switch
    {
        InputKind.LlcMessage or InputKind.ApduMessage => new MessageInput(_context, kind),
        InputKind.MBusStream => new MBusInput(_context),
        InputKind.P1Stream => new P1Input(_context),
        _ => new HdlcInput(_context),
    };
}
