namespace Han.Protocol.Framing;

/// <summary>
/// Joins pieces that carry their own sequence number and a last-piece flag: M-Bus CI segments (numbered
/// from 0) and DLMS general-block-transfer blocks (numbered from 1). Pieces must come in order from the
/// first number up to the one marked last.
/// <para>
/// The first number while pieces are pending starts again and gives up the pending ones (reported
/// through <c>abandoned</c>). A piece whose number does not follow — a gap, a repeat, or any piece
/// after the first with nothing pending — is <see cref="SegmentResult.Dropped"/>, and gives up what was
/// pending; the pieces after it are dropped too, until the next first piece, because none of them can
/// be decoded without what went before.
/// </para>
/// </summary>
internal sealed class NumberedPieceJoiner(int firstNumber, int maxLength)
{
    private readonly ReassemblyBuffer _buffer = new(1024, maxLength);

    /// <summary>True while pieces have arrived but the last one has not.</summary>
    public bool IsPending { get; private set; }

    /// <summary>True when the piece added last carried the first number (it started a new whole).</summary>
    public bool LastPieceWasFirst { get; private set; }

    /// <summary>Pieces that made up the pending (or just completed) whole.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds a piece. Returns <see cref="SegmentResult.Complete"/> with the whole in <paramref name="joined"/>
    /// when this piece ends it; <see cref="SegmentResult.Pending"/> while more are expected;
    /// <see cref="SegmentResult.TooLong"/> when the whole passes the cap (it is dropped);
    /// <see cref="SegmentResult.Dropped"/> for a piece that does not follow. <paramref name="joined"/> stays
    /// valid until the next call; a whole of one piece is returned without a copy, as <paramref name="data"/>.
    /// </summary>
    public SegmentResult Add(int number, bool isLast, ReadOnlySpan<byte> data, out ReadOnlySpan<byte> joined, out bool abandoned)
    {
        joined = default;
        abandoned = false;
        LastPieceWasFirst = number == firstNumber;
        if (LastPieceWasFirst)
        {
            abandoned = IsPending;
            IsPending = false;
            Count = 1;
            if (isLast && data.Length <= maxLength)
            {
                // The common case: one piece, the whole, no copy.
                joined = data;
                return SegmentResult.Complete;
            }

            _buffer.Clear();
            Count = 0;
            IsPending = true;
        }
        else if (!IsPending || number != firstNumber + Count)
        {
            abandoned = IsPending;
            IsPending = false;
            return SegmentResult.Dropped;
        }

        if (!_buffer.TryAppend(data))
        {
            IsPending = false;
            return SegmentResult.TooLong;
        }

        Count++;
        if (!isLast)
        {
            return SegmentResult.Pending;
        }

        IsPending = false;
        joined = _buffer.Contents;
        return SegmentResult.Complete;
    }

    /// <summary>Drops pending pieces (end of stream); true when there were any.</summary>
    public bool Reset()
    {
        var had = IsPending;
        IsPending = false;
        _buffer.Clear();
        return had;
    }
}
