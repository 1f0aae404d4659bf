using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;
using Han.Readings;

namespace Han.Pipeline;

/// <summary>
/// Receives what <see cref="StreamDecoder"/> finds, in input order. Override what you need; spans are
/// only valid during the call.
/// </summary>
public abstract class DecodeObserver
{
    /// <summary>A good HDLC frame (before reassembly and decoding).</summary>
    public virtual void OnFrame(in HdlcFrame frame)
    {
    }

    /// <summary>A good wired M-Bus long frame (before its segments are joined).</summary>
    public virtual void OnMBusFrame(in MBusFrame frame)
    {
    }

    /// <summary>A good P1 telegram (from a P1 stream, or decrypted from a ciphered frame).</summary>
    public virtual void OnTelegram(in P1Telegram telegram)
    {
    }

    /// <summary>An input that is one LLC information field or bare APDU, not framed.</summary>
    public virtual void OnMessage(ReadOnlySpan<byte> message, InputKind kind)
    {
    }

    /// <summary>
    /// A complete APDU (LLC removed, segments joined), about to be decoded; <paramref name="frames"/> is
    /// how many frames it was joined from (1 for a single frame or a lone message).
    /// </summary>
    public virtual void OnApdu(ReadOnlySpan<byte> apdu, long offset, int frames)
    {
    }

    /// <summary>The plaintext of a ciphered APDU that arrived at <paramref name="offset"/>.</summary>
    public virtual void OnDecrypted(ReadOnlySpan<byte> plaintext, long offset)
    {
    }

    public virtual void OnReading(MeterReading reading, long offset)
    {
    }

    public virtual void OnProblem(in DecodeProblem problem)
    {
    }
}
