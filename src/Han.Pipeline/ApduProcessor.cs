using Han.Protocol;
using Han.Protocol.Dlms;
using Han.Protocol.Dlms.Security;
using Han.Protocol.Framing;
using Han.Readings;

namespace Han.Pipeline;

/// <summary>
/// From a complete APDU to a reading, whatever input it came from: opens ciphered APDUs, joins
/// general-block-transfer blocks, reads the data-notification, and reports what does not decode with
/// its stream offset (or, inside decrypted or joined data, the offset within that data).
/// </summary>
internal sealed class ApduProcessor : IDisposable
{
    private readonly DecodeContext _context;
    private readonly ReadingDecoder _readings;
    private readonly DlmsDecryptor _decryptor;
    private readonly GeneralBlockTransferAssembler _blocks = new();
    private long _firstBlockOffset;

    public ApduProcessor(DecodeContext context, DecoderOptions options)
    {
        _context = context;
        _readings = new ReadingDecoder(options.Country);
        _decryptor = new DlmsDecryptor(options.Key, options.AuthenticationKey);
    }

    /// <summary>Frames whose authentication tag could not be checked (no authentication key given).</summary>
    public long UnverifiedFrames => _decryptor.UnverifiedFrames;

    /// <param name="frames">How many frames the APDU was joined from (1 for a single frame or a lone message).</param>
    public void Process(ReadOnlySpan<byte> apdu, long offset, int frames)
    {
        _context.Counters.Apdus++;
        _context.Observer.OnApdu(apdu, offset, frames);
        var bodyOffset = 0;
        string? translated = null;
        string? sender = null;
        try
        {
            // Layers may nest: ciphered blocks, blocks of a ciphered APDU (protocol.md §0).
            for (var layer = 0; layer < 3; layer++)
            {
                if (CipheredApdu.IsCiphered(apdu))
                {
                    apdu = _decryptor.Decrypt(apdu);
                    sender = _decryptor.LastSenderId ?? sender;
                    translated = "decrypted APDU";
                    _context.Observer.OnDecrypted(apdu, offset);
                }
                else if (!apdu.IsEmpty && apdu[0] == (byte)ApduTag.GeneralBlockTransfer)
                {
                    if (!TryJoinBlocks(apdu, offset, out apdu))
                    {
                        return;
                    }

                    translated = "APDU joined from block transfer";
                }
                else
                {
                    break;
                }
            }

            if (!apdu.IsEmpty && apdu[0] == (byte)'/' && translated is not null)
            {
                // A P1 telegram inside a ciphered frame (Luxembourg Smarty, Styria).
                _context.Telegrams.ProcessDecrypted(apdu, offset, _decryptor.LastFrameWasAuthenticated);
                return;
            }

            var notification = ApduReader.ReadNotification(apdu);
            bodyOffset = notification.BodyOffset;
            var reading = _readings.Decode(notification, sender);
            reading.Received = _context.ReceivedAt;
            _context.Counters.Readings++;
            _context.Observer.OnReading(reading, offset);
            foreach (var remark in reading.Remarks)
            {
                _context.Report(remark.Error, DecodeLayer.Profile, offset, remark.Detail);
            }
        }
        catch (DecodeException problem)
        {
            // DLMS errors count from the APDU's first byte; A-XDR and profile errors from the body's.
            var within = problem.Layer == DecodeLayer.Dlms ? problem.Offset : bodyOffset + problem.Offset;
            if (translated is null)
            {
                _context.Report(problem.Error, problem.Layer, offset + within, problem.Detail);
            }
            else
            {
                _context.Report(problem.Error, problem.Layer, offset, $"{problem.Detail} (at byte {within} of the {translated})");
            }
        }
    }

    /// <summary>Ends the stream: a block transfer still open is reported.</summary>
    public void Complete()
    {
        var blocks = _blocks.BlockCount;
        if (_blocks.Reset())
        {
            _context.ReportUnfinished(DecodeLayer.Dlms, _firstBlockOffset, blocks, "general-block-transfer blocks");
        }
    }

    /// <summary>Adds a general-block-transfer block; true with the joined APDU when it was the last one.</summary>
    private bool TryJoinBlocks(ReadOnlySpan<byte> block, long offset, out ReadOnlySpan<byte> joined)
    {
        var result = _blocks.Add(block, out joined, out var abandoned);
        if (_blocks.LastBlockWasFirst)
        {
            _firstBlockOffset = offset;
        }

        _context.ReportAssembly(result, abandoned, DecodeLayer.Dlms, offset, _firstBlockOffset, "general-block-transfer blocks");
        return result == SegmentResult.Complete;
    }

    public void Dispose() => _decryptor.Dispose();
}
