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
/// <see cref="MBusFrame.LengthFromField"/>). A rejected candidate is reported with
/// <see cref="FrameDiscard.DeclaredLength"/> = the bytes its length field announces (C through the end
/// of the user data).
/// </para>
/// </summary>
public sealed class MBusFrameReader : StreamFrameReader<MBusFrame>
{
    public MBusFrameReader()
        : base(MBusFrame.MaxWireLength)
    {
    }

    protected override FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out MBusFrame frame, out FrameDiscard discard)
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
}
