using System.Buffers;
using Han.Protocol.Framing;

namespace Han.Protocol.MBus;

/// <summary>
/// Finds wired M-Bus long frames (<c>68 L L 68 … CS 16</c>, protocol.md §3.1) in a byte stream by their
/// length field. One instance per stream.
/// <para>
/// A candidate starts at a <c>68</c> whose fourth byte is <c>68</c> too. A candidate that is rejected
/// (length bytes that differ or are too small, a missing stop byte, a bad checksum, a CI this version
/// does not read, or a frame cut off by the end of the input) costs only its first byte: the search
/// resumes at the next <c>68</c>, so a damaged frame never swallows the good frames after it. Bytes
/// outside any frame are discarded as <see cref="DecodeError.SkippedBytes"/>, a run of them at a time.
/// A length field of 0–3 announces 256–259 bytes (the Sagemcom T210-D quirk; see
/// <see cref="MBusFrame.LengthFromField"/>).
/// </para>
/// </summary>
public sealed class MBusFrameReader
{
    private readonly byte[] _scratch = new byte[MBusFrame.MaxWireLength];

    public FramingStatistics Statistics { get; } = new();

    /// <summary>Stream offset of the next byte this reader will look at.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads from the start of <paramref name="buffer"/>. The caller must drop <paramref name="consumed"/>
    /// bytes from the front of its buffer after every call, whatever the status. With
    /// <paramref name="isFinalBlock"/> no more bytes will come, so an incomplete frame is given up.
    /// A rejected candidate is reported with <see cref="FrameDiscard.DeclaredLength"/> = the bytes its
    /// length field announces (C through the end of the user data).
    /// </summary>
    public FrameReadStatus TryRead(ReadOnlySpan<byte> buffer, bool isFinalBlock, out int consumed, out MBusFrame frame, out FrameDiscard discard)
    {
        var origin = Position;
        var status = Read(buffer, isFinalBlock, origin, out consumed, out frame, out discard);
        Position = origin + consumed;
        return status;
    }

    /// <summary>
    /// The same over a <see cref="ReadOnlySequence{T}"/> (as a <c>PipeReader</c> hands out); advances
    /// <paramref name="buffer"/> past what was consumed. A frame that straddles segments is copied once
    /// into a buffer this reader owns, so <paramref name="frame"/> is valid until the next call.
    /// </summary>
    public FrameReadStatus TryRead(ref ReadOnlySequence<byte> buffer, bool isFinalBlock, out MBusFrame frame, out FrameDiscard discard)
    {
        FrameReadStatus status;
        int consumed;
        if (buffer.IsSingleSegment)
        {
            status = TryRead(buffer.FirstSpan, isFinalBlock, out consumed, out frame, out discard);
            buffer = buffer.Slice(consumed);
            return status;
        }

        var first = buffer.FirstSpan;
        status = TryRead(first, isFinalBlock: false, out consumed, out frame, out discard);
        if (status != FrameReadStatus.NeedMoreData)
        {
            buffer = buffer.Slice(consumed);
            return status;
        }

        // The largest frame fits in the scratch buffer, so one more read always decides.
        buffer = buffer.Slice(consumed);
        var window = (int)Math.Min(buffer.Length, _scratch.Length);
        buffer.Slice(0, window).CopyTo(_scratch);
        status = TryRead(_scratch.AsSpan(0, window), isFinalBlock && window == buffer.Length, out consumed, out frame, out discard);
        buffer = buffer.Slice(consumed);
        return status;
    }

    private FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out MBusFrame frame, out FrameDiscard discard)
    {
        frame = default;
        discard = default;
        consumed = 0;
        if (buffer.IsEmpty)
        {
            return FrameReadStatus.NeedMoreData;
        }

        if (buffer[0] != MBusFrame.Start)
        {
            var next = buffer.IndexOf(MBusFrame.Start);
            discard = Discard(DecodeError.SkippedBytes, origin, ref consumed, next < 0 ? buffer.Length : next, 0);
            return FrameReadStatus.Discarded;
        }

        DecodeError problem;
        var length = 0;
        if (buffer.Length < MBusFrame.HeaderLength)
        {
            if (!isFinalBlock)
            {
                return FrameReadStatus.NeedMoreData;
            }

            problem = DecodeError.Truncated;
        }
        else if (buffer[3] != MBusFrame.Start)
        {
            // Not the start of a long frame: a 68 among other bytes.
            var next = buffer[1..].IndexOf(MBusFrame.Start);
            discard = Discard(DecodeError.SkippedBytes, origin, ref consumed, next < 0 ? buffer.Length : next + 1, 0);
            return FrameReadStatus.Discarded;
        }
        else
        {
            length = MBusFrame.LengthFromField(buffer[1]);
            var total = length + MBusFrame.Overhead;
            if (buffer[1] != buffer[2] || length < MBusFrame.MinLength)
            {
                problem = DecodeError.BadLength;
            }
            else if (buffer.Length < total)
            {
                if (!isFinalBlock)
                {
                    return FrameReadStatus.NeedMoreData;
                }

                problem = DecodeError.Truncated;
            }
            else if (MBusFrame.TryParse(buffer[..total], origin, out frame, out problem))
            {
                consumed = total;
                Statistics.AddFrame(total);
                return FrameReadStatus.Frame;
            }
        }

        // Rejected: give up the first byte only; the next call searches again from the byte after it.
        discard = Discard(problem, origin, ref consumed, 1, length);
        return FrameReadStatus.Discarded;
    }

    private FrameDiscard Discard(DecodeError reason, long origin, ref int consumed, int count, int declaredLength)
    {
        var result = new FrameDiscard(reason, origin + consumed, count, declaredLength);
        Statistics.AddDiscard(reason, count);
        consumed += count;
        return result;
    }
}
