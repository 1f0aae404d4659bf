using System.Buffers;
using System.IO.Pipelines;
using Han.Protocol;
using Han.Protocol.Dlms;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.Readings;

namespace Han.Pipeline;

/// <summary>
/// The read loop: bytes to frames to APDUs to readings, reported to a <see cref="DecodeObserver"/>.
/// The input kind is recognised from the first bytes (protocol.md §0): a 0x7E (or noise) starts an
/// HDLC stream; <c>E6 E7 00</c> a lone information field; a DLMS tag a lone APDU. Noise, damaged
/// frames and undecodable content are reported as problems and counted; decoding always goes on.
/// One instance per stream (it remembers the meter and holds pending segments).
/// </summary>
public sealed class StreamDecoder
{
    /// <summary>A lone APDU larger than this is not a meter push.</summary>
    private const int MaxMessageLength = HdlcSegmentAssembler.MaxApduLength;

    private readonly HdlcFrameReader _frames = new();
    private readonly HdlcSegmentAssembler _segments = new();
    private readonly ReadingDecoder _readings;
    private readonly DecodeObserver _observer;
    private readonly ArrayBufferWriter<byte> _message = new();
    private long _skippedOffset;
    private long _skippedCount;

    public StreamDecoder(DecodeObserver observer, Country country)
    {
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        _readings = new ReadingDecoder(country);
        Counters = new DecodeCounters(_frames.Statistics);
    }

    public InputKind Kind { get; private set; }

    public DecodeCounters Counters { get; }

    /// <summary>Decodes a whole input held in memory.</summary>
    public void Decode(ReadOnlySpan<byte> input)
    {
        var sequence = new ReadOnlySequence<byte>(input.ToArray());
        Feed(ref sequence, isFinalBlock: true);
        Complete();
    }

    /// <summary>Reads <paramref name="stream"/> to its end through a pipe, decoding as bytes arrive.</summary>
    public async Task DecodeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
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
    }

    /// <summary>
    /// Consumes what it can from <paramref name="buffer"/> (advancing it); what is left is the start of
    /// a frame that needs more bytes. With <paramref name="isFinalBlock"/> everything is consumed.
    /// </summary>
    public void Feed(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        var before = buffer.Length;
        if (Kind == InputKind.Unknown)
        {
            if (buffer.Length < 3 && !isFinalBlock)
            {
                return;
            }

            Kind = Detect(buffer);
        }

        if (Kind == InputKind.HdlcStream)
        {
            ReadFrames(ref buffer, isFinalBlock);
        }
        else
        {
            CollectMessage(ref buffer);
        }

        Counters.Bytes += before - buffer.Length;
    }

    /// <summary>Ends the stream: decodes a lone message, reports segments that never completed.</summary>
    public void Complete()
    {
        FlushSkippedBytes();
        if (Kind is InputKind.LlcMessage or InputKind.ApduMessage && _message.WrittenCount > 0)
        {
            DecodeMessage(_message.WrittenSpan);
            _message.Clear();
        }

        if (_segments.Reset())
        {
            Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, _segments.FirstFrameOffset, $"the stream ended after {_segments.SegmentCount} segment(s) of an APDU whose last segment never came");
        }
    }

    private static InputKind Detect(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[3];
        var length = (int)Math.Min(buffer.Length, head.Length);
        buffer.Slice(0, length).CopyTo(head);
        head = head[..length];
        if (Llc.HasHeader(head))
        {
            return InputKind.LlcMessage;
        }

        return length > 0 && head[0] is (byte)ApduTag.DataNotification or (byte)ApduTag.GeneralGloCiphering
            or (byte)ApduTag.GeneralDedCiphering or (byte)ApduTag.GeneralCiphering or (byte)ApduTag.GeneralBlockTransfer
            ? InputKind.ApduMessage
            : InputKind.HdlcStream;
    }

    private void ReadFrames(ref ReadOnlySequence<byte> buffer, bool isFinalBlock)
    {
        while (true)
        {
            var status = _frames.TryRead(ref buffer, isFinalBlock, out var frame, out var discard);
            if (status == FrameReadStatus.NeedMoreData)
            {
                return;
            }

            if (status == FrameReadStatus.Discarded)
            {
                if (discard.Reason == DecodeError.SkippedBytes)
                {
                    SkipBytes(discard.Offset, discard.ByteCount);
                }
                else
                {
                    Report(discard.Reason, DecodeLayer.Hdlc, discard.Offset, DescribeDiscard(discard));
                }

                continue;
            }

            FlushSkippedBytes();

            _observer.OnFrame(frame);
            if (!frame.HasInformation)
            {
                continue;
            }

            var result = _segments.Add(frame, out var apdu, out var abandoned);
            if (abandoned)
            {
                Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, frame.Offset, "a new APDU began before the last segment of the previous one arrived; the incomplete APDU is dropped");
            }

            if (result == SegmentResult.Dropped)
            {
                Report(DecodeError.IncompleteSegments, DecodeLayer.Hdlc, frame.Offset, "a segment of an APDU whose first segment was not received; dropped");
            }
            else if (result == SegmentResult.TooLong)
            {
                Report(DecodeError.SegmentedApduTooLong, DecodeLayer.Hdlc, _segments.FirstFrameOffset, $"segments add up to more than {HdlcSegmentAssembler.MaxApduLength} bytes; dropped");
            }
            else if (result == SegmentResult.Complete)
            {
                // For a single frame the APDU's stream offset is exact; for joined segments it points into the first frame.
                var informationStart = _segments.FirstFrameOffset + 1 + frame.InformationOffset;
                var llcLength = _segments.SegmentCount == 1 && Llc.HasHeader(frame.Information) ? Llc.HeaderLength : 0;
                DecodeApdu(apdu, informationStart + llcLength);
            }
        }
    }

    private void CollectMessage(ref ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            var room = MaxMessageLength - _message.WrittenCount;
            var take = Math.Min(room, segment.Length);
            _message.Write(segment.Span[..take]);
        }

        if (_message.WrittenCount >= MaxMessageLength && buffer.Length > 0)
        {
            var ignored = _message.WrittenCount + buffer.Length - MaxMessageLength;
            if (ignored > 0)
            {
                Report(DecodeError.SkippedBytes, Kind == InputKind.LlcMessage ? DecodeLayer.Hdlc : DecodeLayer.Dlms, MaxMessageLength, $"{ignored} bytes beyond the {MaxMessageLength}-byte limit of a single APDU were ignored");
            }
        }

        buffer = buffer.Slice(buffer.End);
    }

    private void DecodeMessage(ReadOnlySpan<byte> message)
    {
        _observer.OnMessage(message, Kind);
        var offset = 0;
        if (Kind == InputKind.LlcMessage)
        {
            message = message[Llc.HeaderLength..];
            offset = Llc.HeaderLength;
        }

        DecodeApdu(message, offset);
    }

    private void DecodeApdu(ReadOnlySpan<byte> apdu, long offset)
    {
        Counters.Apdus++;
        _observer.OnApdu(apdu, offset);
        var bodyOffset = 0;
        try
        {
            var notification = ApduReader.ReadNotification(apdu);
            bodyOffset = notification.BodyOffset;
            var reading = _readings.Decode(notification);
            Counters.Readings++;
            _observer.OnReading(reading, offset);
        }
        catch (DecodeException problem)
        {
            // DLMS errors count from the APDU's first byte; A-XDR and profile errors from the body's.
            var within = problem.Layer == DecodeLayer.Dlms ? problem.Offset : bodyOffset + problem.Offset;
            Report(problem.Error, problem.Layer, offset + within, problem.Detail);
        }
    }

    /// <summary>
    /// Joins adjacent runs of skipped bytes into one problem, so the report does not depend on how the
    /// input happened to be split into reads.
    /// </summary>
    private void SkipBytes(long offset, long count)
    {
        if (_skippedCount > 0 && _skippedOffset + _skippedCount == offset)
        {
            _skippedCount += count;
            return;
        }

        FlushSkippedBytes();
        _skippedOffset = offset;
        _skippedCount = count;
    }

    private void FlushSkippedBytes()
    {
        if (_skippedCount == 0)
        {
            return;
        }

        var count = _skippedCount;
        _skippedCount = 0;
        Report(DecodeError.SkippedBytes, DecodeLayer.Hdlc, _skippedOffset, count == 1 ? "1 byte outside any frame" : $"{count} bytes outside any frame");
    }

    private void Report(DecodeError error, DecodeLayer layer, long offset, string detail)
    {
        FlushSkippedBytes();
        Counters.AddProblem(layer);
        _observer.OnProblem(new DecodeProblem(error, layer, offset, detail));
    }

    private static string DescribeDiscard(in FrameDiscard discard) => discard.Reason switch
    {
        DecodeError.BadLength => $"a frame header declares length {discard.DeclaredLength}, too short for an HDLC frame",
        DecodeError.BadAddress => $"frame of {discard.DeclaredLength} bytes has a malformed address field",
        DecodeError.BadHcs => $"frame of {discard.DeclaredLength} bytes failed its header check sequence (HCS)",
        DecodeError.BadFcs => $"frame of {discard.DeclaredLength} bytes failed its frame check sequence (FCS)",
        DecodeError.MissingClosingFlag => $"frame of declared length {discard.DeclaredLength} does not end on a flag (cut short or damaged)",
        DecodeError.Truncated => $"the input ends inside a frame of declared length {discard.DeclaredLength}",
        _ => discard.Reason.Name(),
    };
}
