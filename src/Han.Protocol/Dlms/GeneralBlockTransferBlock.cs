using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Han.Protocol.Axdr;

namespace Han.Protocol.Dlms;

/// <summary>
/// One general-block-transfer APDU (tag 0xE0; Green Book §9, protocol.md §4.4), as a view over its bytes:
/// <c>E0 | block-control | block-number (2) | block-number-ack (2) | block-data</c>, where block-control
/// holds bit 7 last-block, bit 6 streaming and bits 0–5 the window, and block-data is an A-XDR
/// length-prefixed octet string (one length byte below 0x80, or 0x81–0x84 and that many length bytes).
/// </summary>
public readonly ref struct GeneralBlockTransferBlock
{
    /// <summary>Tag, block-control, block-number and block-number-ack: the fixed part before block-data.</summary>
    public const int FixedHeaderLength = 6;

    private const int BlockControlOffset = 1;
    private const int BlockNumberOffset = 2;
    private const int AckOffset = 4;

    private readonly ReadOnlySpan<byte> _apdu;

    private GeneralBlockTransferBlock(ReadOnlySpan<byte> apdu, int blockDataOffset)
    {
        _apdu = apdu;
        BlockDataOffset = blockDataOffset;
    }

    public byte BlockControl => _apdu[BlockControlOffset];

    /// <summary>Block-control bit 7: the last block of the transfer.</summary>
    public bool IsLastBlock => (BlockControl & 0x80) != 0;

    /// <summary>Block-control bit 6: blocks are streamed without waiting for acknowledgements.</summary>
    public bool IsStreaming => (BlockControl & 0x40) != 0;

    /// <summary>Block-control bits 0–5: the window size.</summary>
    public int Window => BlockControl & 0x3F;

    /// <summary>This block's number; blocks are numbered from 1.</summary>
    public int BlockNumber => BinaryPrimitives.ReadUInt16BigEndian(_apdu[BlockNumberOffset..]);

    /// <summary>The last block number the sender saw acknowledged (0 in pushes).</summary>
    public int AcknowledgedBlockNumber => BinaryPrimitives.ReadUInt16BigEndian(_apdu[AckOffset..]);

    /// <summary>Offset of <see cref="BlockData"/> within the APDU (after its length prefix).</summary>
    public int BlockDataOffset { get; }

    /// <summary>This block's part of the transferred APDU.</summary>
    public ReadOnlySpan<byte> BlockData => _apdu[BlockDataOffset..];

    /// <summary>The whole APDU, tag included.</summary>
    public ReadOnlySpan<byte> Apdu => _apdu;

    /// <summary>
    /// Reads the header of a general-block-transfer APDU. Raises <see cref="DecodeException"/> (layer
    /// <see cref="DecodeLayer.Dlms"/>, offset within <paramref name="apdu"/>) when it is not one
    /// (<see cref="DecodeError.UnsupportedApdu"/>), when its header or block-data is cut short
    /// (<see cref="DecodeError.UnexpectedEnd"/>), when block-data has a bad length prefix
    /// (<see cref="DecodeError.LengthOutOfRange"/>) or bytes after it (<see cref="DecodeError.TrailingBytes"/>),
    /// and for block number 0 (<see cref="DecodeError.BlockOutOfOrder"/>; blocks are numbered from 1).
    /// </summary>
    public static GeneralBlockTransferBlock Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.IsEmpty || apdu[0] != (byte)ApduTag.GeneralBlockTransfer)
        {
            ThrowNotBlockTransfer(apdu.IsEmpty ? -1 : apdu[0]);
        }

        if (apdu.Length <= FixedHeaderLength)
        {
            ThrowHeaderCutShort(apdu.Length);
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(apdu[BlockNumberOffset..]) == 0)
        {
            ThrowBlockZero();
        }

        var cursor = FixedHeaderLength;
        switch (AxdrLength.TryRead(apdu, ref cursor, out var length))
        {
            case AxdrLengthStatus.BadPrefix:
                ThrowBadLengthPrefix(FixedHeaderLength, apdu[FixedHeaderLength]);
                break;
            case AxdrLengthStatus.End or AxdrLengthStatus.CutShort:
                ThrowHeaderCutShort(apdu.Length);
                break;
        }

        var remaining = apdu.Length - cursor;
        if (length > remaining)
        {
            ThrowDataCutShort(FixedHeaderLength, length, remaining);
        }

        if (length < remaining)
        {
            ThrowTrailingBytes(cursor + (int)length, length, remaining);
        }

        return new GeneralBlockTransferBlock(apdu, cursor);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotBlockTransfer(int tag) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnsupportedApdu, 0, tag < 0
            ? "empty APDU; expected a general-block-transfer (tag 0xE0)"
            : $"{ApduReader.Describe((byte)tag)} APDU is not a general-block-transfer (tag 0xE0)");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowHeaderCutShort(int length) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, length, $"general-block-transfer header is cut short after {length} bytes");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBlockZero() =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.BlockOutOfOrder, BlockNumberOffset, "block number 0; blocks are numbered from 1");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadLengthPrefix(int offset, byte first) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.LengthOutOfRange, offset, $"block-data length prefix 0x{first:X2} is not 0x81-0x84");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDataCutShort(int offset, long length, int remaining) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, offset, $"block-data claims {length} bytes but only {remaining} remain");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailingBytes(int offset, long length, int remaining) =>
        throw new DecodeException(DecodeLayer.Dlms, DecodeError.TrailingBytes, offset, $"{remaining - length} bytes follow the {length} bytes of block-data");
}
