using Han.Protocol.Framing;

namespace Han.Protocol.Hdlc;

/// <summary>
/// Finds HDLC frames in a byte stream by their length field, never by scanning for flags (HAN uses no
/// byte stuffing, so 0x7E may occur inside a frame; protocol.md §2.1). One instance per stream.
/// <para>
/// Resynchronisation: a candidate frame whose length does not end on a flag, or whose HCS or FCS fails,
/// costs only its opening flag; the search resumes at the next 0x7E, so a damaged frame never swallows
/// the good frames after it. Bytes outside any frame cost only themselves. A closing flag may also open
/// the next frame (Green Book §8.4.1.2): it is left in the buffer until the next call decides.
/// </para>
/// </summary>
public sealed class HdlcFrameReader : StreamFrameReader<HdlcFrame>
{
    /// <summary>Largest possible frame on the wire: opening flag, 2047 bytes, closing flag.</summary>
    private const int MaxWireLength = HdlcFrame.MaxLength + 2;

    private bool _afterFrame;

    /// <summary>The longest frame and one byte past its closing flag, to see whether that flag opens the next frame.</summary>
    public HdlcFrameReader()
        : base(MaxWireLength + 1)
    {
    }

    protected override FrameReadStatus Read(ReadOnlySpan<byte> buffer, bool isFinalBlock, long origin, out int consumed, out HdlcFrame frame, out FrameDiscard discard)
    {
        frame = default;
        discard = default;
        consumed = 0;
        while (true)
        {
            var rest = buffer[consumed..];
            if (rest.IsEmpty)
            {
                return FrameReadStatus.NeedMoreData;
            }

            if (rest[0] != HdlcFrame.Flag)
            {
                var next = rest.IndexOf(HdlcFrame.Flag);
                _afterFrame = false;
                discard = Discard(DecodeError.SkippedBytes, origin, ref consumed, next < 0 ? rest.Length : next, 0);
                return FrameReadStatus.Discarded;
            }

            var flagOpensNothing = rest.Length >= 2 && (rest[1] & 0xF0) != 0xA0;
            var flagEndsStream = rest.Length == 1 && isFinalBlock;
            if (_afterFrame && (flagOpensNothing || flagEndsStream))
            {
                // The previous frame's closing flag, not shared with a next frame.
                Statistics.AddClosingFlag();
                _afterFrame = false;
                consumed++;
                continue;
            }

            if (flagOpensNothing || flagEndsStream)
            {
                var next = rest[1..].IndexOf(HdlcFrame.Flag);
                discard = Discard(DecodeError.SkippedBytes, origin, ref consumed, next < 0 ? rest.Length : next + 1, 0);
                return FrameReadStatus.Discarded;
            }

            DecodeError problem;
            var length = 0;
            if (rest.Length < 3)
            {
                if (!isFinalBlock)
                {
                    return FrameReadStatus.NeedMoreData;
                }

                problem = DecodeError.Truncated;
            }
            else
            {
                length = ((rest[1] & 0x07) << 8) | rest[2];
                if (length < HdlcFrame.MinLength)
                {
                    problem = DecodeError.BadLength;
                }
                else if (rest.Length < length + 2)
                {
                    if (!isFinalBlock)
                    {
                        return FrameReadStatus.NeedMoreData;
                    }

                    problem = DecodeError.Truncated;
                }
                else if (rest[length + 1] != HdlcFrame.Flag)
                {
                    problem = DecodeError.MissingClosingFlag;
                }
                else if (HdlcFrame.TryParse(rest.Slice(1, length), origin + consumed, out frame, out problem))
                {
                    consumed += 1 + length;
                    Statistics.AddFrame(1 + length);
                    _afterFrame = true;
                    return FrameReadStatus.Frame;
                }
            }

            // Rejected: give up this flag only and search again from the next byte. A flag that closed
            // the previous frame belongs to that frame, so it is consumed without counting as discarded.
            if (_afterFrame)
            {
                Statistics.AddClosingFlag();
                _afterFrame = false;
                discard = Discard(problem, origin, ref consumed, 0, length);
                consumed++;
                return FrameReadStatus.Discarded;
            }

            discard = Discard(problem, origin, ref consumed, 1, length);
            return FrameReadStatus.Discarded;
        }
    }
}
