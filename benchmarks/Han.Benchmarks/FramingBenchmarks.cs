using BenchmarkDotNet.Attributes;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Benchmarks;

/// <summary>HDLC framing alone (length, flags, HCS, FCS): frames per second and bytes allocated per frame.</summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private byte[] _buffer = [];
    private HdlcFrameReader _reader = new();

    [Params("Kamstrup", "Aidon", "Kaifa")]
    public string Meter { get; set; } = "Kamstrup";

    [GlobalSetup]
    public void Setup()
    {
        _buffer = MeterFrames.Repeated(MeterFrames.Frame(Meter), MeterFrames.FramesPerBuffer);
        _reader = new HdlcFrameReader();
    }

    [Benchmark(OperationsPerInvoke = MeterFrames.FramesPerBuffer)]
    public int ReadFrames()
    {
        var frames = 0;
        ReadOnlySpan<byte> rest = _buffer;
        while (true)
        {
            var status = _reader.TryRead(rest, isFinalBlock: true, out var consumed, out var frame, out _);
            rest = rest[consumed..];
            if (status == FrameReadStatus.NeedMoreData)
            {
                return frames;
            }

            if (status == FrameReadStatus.Frame)
            {
                frames += frame.Information.Length > 0 ? 1 : 0;
            }
        }
    }
}
