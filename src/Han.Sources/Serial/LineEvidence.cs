using Han.Pipeline;
using Han.Protocol;
using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;

namespace Han.Sources.Serial;

/// <summary>
/// What the decoder found in the bytes read at one setting, weighed as evidence that the setting is
/// right. Each good frame counts the bits of checking it passed; a setting is proven by
/// <see cref="ProofBits"/> of them, so that no frame found by chance in noise can prove one.
/// </summary>
internal sealed class LineEvidence : DecodeObserver
{
    /// <summary>
    /// Checked bits that prove a setting: a random 32-bit check passes once in four billion tries. At
    /// 115200 baud a 12-second window of noise offers about 140,000 places for a frame to start, and
    /// only those holding the right start byte are tried, so a false proof is far below once in a
    /// million detections. Every whole frame a meter sends carries at least 32 bits (see the frame handlers).
    /// </summary>
    internal const int ProofBits = 32;

    public int GoodFrames { get; private set; }

    /// <summary>Frames that failed a checksum or their framing after the first good one (the bytes before it are the end of a frame cut by opening the port).</summary>
    public int BadFrames { get; private set; }

    /// <summary>Good frames since the last bad one.</summary>
    public int GoodFramesInARow { get; private set; }

    public int CheckBits { get; private set; }

    /// <summary>HDLC: the HCS and the FCS, 16 bits each (CRC-16/X-25, protocol.md §2.1); a frame without information field has only its FCS.</summary>
    public override void OnFrame(in HdlcFrame frame) => AddGood(frame.HasInformation ? 32 : 16);

    /// <summary>
    /// Wired M-Bus: the second start byte 0x68, the repeated length, the stop byte 0x16 and the 8-bit
    /// checksum (protocol.md §3.1), 8 bits each; the first 0x68 is where the search started, not a check.
    /// </summary>
    public override void OnMBusFrame(in MBusFrame frame) => AddGood(32);

    /// <summary>
    /// P1: a CRC-16 (protocol.md §7.1) on top of an identification line and a '!' end mark. DSMR 3.0 and
    /// earlier send no CRC; such a telegram counts only when every data line is a well-formed
    /// <c>OBIS(value)</c> line: a single one is far more than 32 bits of structure noise does not produce.
    /// </summary>
    public override void OnTelegram(in P1Telegram telegram) => AddGood(telegram.HasCrc || IsWellFormed(telegram) ? 32 : 0);

    public override void OnProblem(in DecodeProblem problem)
    {
        if (GoodFrames > 0 && IsDamagedFrame(problem.Error))
        {
            BadFrames++;
            GoodFramesInARow = 0;
        }
    }

    /// <summary>The verdict on what arrived; <paramref name="lineErrors"/> is null when the port cannot count them.</summary>
    public CandidateVerdict Verdict(long bytes, long? lineErrors)
    {
        if (bytes == 0)
        {
            return CandidateVerdict.Silent;
        }

        if (GoodFrames == 0)
        {
            return CandidateVerdict.Noise;
        }

        if (CheckBits < ProofBits)
        {
            return CandidateVerdict.TooLittle;
        }

        // A real line at the right setting loses a frame now and then; a neighbouring setting that only
        // reads some frames loses many (an 8E1 M-Bus line read at 8N1 loses every frame holding 0x00).
        if (BadFrames * 5 > GoodFrames)
        {
            return CandidateVerdict.Damaged;
        }

        // At a neighbouring setting that delivers the right bytes, the UART still flags a large share of
        // them (an 8E1 line read at 8O1: every character); at the meter's own setting, only noise does.
        return lineErrors is { } errors && errors * 20 > bytes ? CandidateVerdict.LineErrors : CandidateVerdict.Frames;
    }

    private void AddGood(int checkBits)
    {
        GoodFrames++;
        GoodFramesInARow++;
        CheckBits += checkBits;
    }

    private static bool IsWellFormed(in P1Telegram telegram)
    {
        var lines = telegram.Lines;
        var count = 0;
        while (lines.MoveNext())
        {
            count++;
        }

        return count > 0 && lines.MalformedLines == 0;
    }

    /// <summary>A frame the readers found and then rejected (not bytes outside any frame, not a malformed line in a good telegram).</summary>
    private static bool IsDamagedFrame(DecodeError error) => error is DecodeError.BadLength or DecodeError.BadAddress
        or DecodeError.BadHcs or DecodeError.BadFcs or DecodeError.MissingClosingFlag or DecodeError.Truncated
        or DecodeError.BadChecksum or DecodeError.MissingStopByte or DecodeError.BadCrc or DecodeError.TelegramTooLong;
}
