using Han.Protocol;
using Han.Protocol.P1;
using Han.Readings.P1;

namespace Han.Pipeline;

/// <summary>From a P1 telegram (read from a stream, or decrypted from a Smarty frame) to a reading.</summary>
internal sealed class TelegramProcessor
{
    private readonly DecodeContext _context;
    private readonly P1ReadingDecoder _readings = new();

    public TelegramProcessor(DecodeContext context)
    {
        _context = context;
    }

    public void Process(in P1Telegram telegram)
    {
        _context.Observer.OnTelegram(telegram);
        var reading = _readings.Decode(telegram);
        reading.Received = _context.ReceivedAt;
        _context.Counters.Readings++;
        _context.Observer.OnReading(reading, telegram.Offset);
        var malformed = _readings.LastTelegramMalformedLines;
        if (malformed > 0)
        {
            _context.Report(DecodeError.InvalidLine, DecodeLayer.P1, _readings.LastTelegramFirstMalformedOffset, $"{malformed} line(s) of the telegram are not OBIS-reference(value) lines and were skipped (the first at this offset)");
        }
    }

    /// <summary>
    /// A telegram that arrived inside a ciphered frame (Luxembourg Smarty, Styria). Its own CRC is checked
    /// unless the frame's authentication tag was (the Smarty telegrams' CRCs do not validate; corpus case
    /// openhab-lu-smarty-encrypted).
    /// </summary>
    public void ProcessDecrypted(ReadOnlySpan<byte> plaintext, long offset, bool authenticated)
    {
        if (!P1Telegram.TryParse(plaintext, offset, verifyCrc: !authenticated, out var telegram, out var problem))
        {
            throw new DecodeException(DecodeLayer.P1, problem, 0, problem == DecodeError.BadCrc
                ? "the decrypted telegram fails its CRC"
                : "the decrypted content is not a P1 telegram");
        }

        Process(telegram);
    }
}
