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

    private readonly NumberedPieceJoiner _joiner = new(firstNumber: 1, MaxApduLength);

    /// <summary>True while blocks of a transfer have arrived but its last block has not.</summary>
    public bool IsPending => _joiner.IsPending;

    /// <summary>True when the block added last was block 1 (it started a new transfer).</summary>
    public bool LastBlockWasFirst => _joiner.LastPieceWasFirst;

    /// <summary>Blocks that made up the pending (or just completed) transfer.</summary>
    public int BlockCount => _joiner.Count;

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
        return _joiner.Add(block.BlockNumber, block.IsLastBlock, block.BlockData, out joined, out abandoned);
    }

    /// <summary>Drops a pending transfer (end of stream); true when there was one.</summary>
    public bool Reset() => _joiner.Reset();
}
