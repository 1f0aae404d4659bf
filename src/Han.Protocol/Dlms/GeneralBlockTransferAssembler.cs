using Han.Protocol.Framing;

namespace Han.Protocol.Dlms;

/// <summary>
/// Joins the block-data of general-block-transfer APDUs (tag 0xE0; protocol.md §4.4) into the APDU they
/// carry. Blocks are numbered from 1 and must come in order up to the one with last-block set; block-number-ack,
/// streaming and window are not needed for a push and are ignored.
/// <para>
/// Out-of-order blocks are reported through the result and a flag, never thrown (a lost block is line
/// noise one layer up): a block that does not follow — a gap, a repeat, or any block above 1 with no
/// transfer pending — is <see cref="SegmentResult.Dropped"/>, which the caller counts as
/// <see cref="DecodeError.BlockOutOfOrder"/>. <c>abandoned</c> is set whenever a pending transfer is given
/// up: by such a block (then the result is <see cref="SegmentResult.Dropped"/>) or by a new block 1
/// before the last block arrived (the caller counts <see cref="DecodeError.IncompleteSegments"/>). The
/// blocks after a dropped one are dropped too, until a new block 1. A malformed block raises
/// <see cref="DecodeException"/> (see <see cref="GeneralBlockTransferBlock.Parse"/>) and leaves the state
/// unchanged. The buffer is reused: no allocation per block once it has grown.
/// </para>
/// </summary>
public sealed class GeneralBlockTransferAssembler
{
    /// <summary>A DLMS push larger than this is not a meter talking.</summary>
    public const int MaxApduLength = 64 * 1024;

    private byte[] _buffer = new byte[1024];
    private int _length;
    private int _nextBlock;

    /// <summary>True while blocks of a transfer have arrived but its last block has not.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Blocks that made up the pending (or just completed) transfer.</summary>
    public int BlockCount { get; private set; }

    /// <summary>
    /// Adds a general-block-transfer APDU. Returns <see cref="SegmentResult.Complete"/> with the joined
    /// APDU in <paramref name="joined"/> when this block is the last; <see cref="SegmentResult.Pending"/>
    /// while more are expected; <see cref="SegmentResult.TooLong"/> when the transfer passes
    /// <see cref="MaxApduLength"/> (it is dropped); <see cref="SegmentResult.Dropped"/> for a block that
    /// does not follow. The joined span stays valid until the next call; a transfer of a single block is
    /// returned without a copy, as a slice of <paramref name="apdu"/>.
    /// </summary>
    public SegmentResult Add(ReadOnlySpan<byte> apdu, out ReadOnlySpan<byte> joined, out bool abandoned)
    {
        var block = GeneralBlockTransferBlock.Parse(apdu);
        joined = default;
        abandoned = false;
        var number = block.BlockNumber;
        var data = block.BlockData;
        if (number == 1)
        {
            abandoned = IsPending;
            IsPending = false;
            BlockCount = 1;
            if (block.IsLastBlock && data.Length <= MaxApduLength)
            {
                joined = data;
                return SegmentResult.Complete;
            }

            _length = 0;
            BlockCount = 0;
            IsPending = true;
        }
        else if (!IsPending || number != _nextBlock)
        {
            abandoned = IsPending;
            IsPending = false;
            return SegmentResult.Dropped;
        }

        if (_length + data.Length > MaxApduLength)
        {
            IsPending = false;
            return SegmentResult.TooLong;
        }

        Append(data);
        BlockCount++;
        _nextBlock = number + 1;
        if (!block.IsLastBlock)
        {
            return SegmentResult.Pending;
        }

        IsPending = false;
        joined = _buffer.AsSpan(0, _length);
        return SegmentResult.Complete;
    }

    /// <summary>Drops a pending transfer (end of stream); true when there was one.</summary>
    public bool Reset()
    {
        var had = IsPending;
        IsPending = false;
        _length = 0;
        return had;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }
}
