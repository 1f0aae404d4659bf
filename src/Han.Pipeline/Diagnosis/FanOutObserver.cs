using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;
using Han.Readings;

namespace Han.Pipeline.Diagnosis;

/// <summary>Passes every event on to several observers, in order.</summary>
public sealed class FanOutObserver(params DecodeObserver[] observers) : DecodeObserver
{
    public override void OnFrame(in HdlcFrame frame)
    {
        foreach (var observer in observers)
        {
            observer.OnFrame(frame);
        }
    }

    public override void OnMBusFrame(in MBusFrame frame)
    {
        foreach (var observer in observers)
        {
            observer.OnMBusFrame(frame);
        }
    }

    public override void OnTelegram(in P1Telegram telegram)
    {
        foreach (var observer in observers)
        {
            observer.OnTelegram(telegram);
        }
    }

    public override void OnMessage(ReadOnlySpan<byte> message, InputKind kind)
    {
        foreach (var observer in observers)
        {
            observer.OnMessage(message, kind);
        }
    }

    public override void OnApdu(ReadOnlySpan<byte> apdu, long offset, int frames)
    {
        foreach (var observer in observers)
        {
            observer.OnApdu(apdu, offset, frames);
        }
    }

    public override void OnDecrypted(ReadOnlySpan<byte> plaintext, long offset)
    {
        foreach (var observer in observers)
        {
            observer.OnDecrypted(plaintext, offset);
        }
    }

    public override void OnReading(MeterReading reading, long offset)
    {
        foreach (var observer in observers)
        {
            observer.OnReading(reading, offset);
        }
    }

    public override void OnProblem(in DecodeProblem problem)
    {
        foreach (var observer in observers)
        {
            observer.OnProblem(problem);
        }
    }
}
