using System.Buffers;
using BenchmarkDotNet.Attributes;
using Han.Pipeline;
using Han.Readings;

namespace Han.Benchmarks;

/// <summary>Framing + DLMS + A-XDR + reading: what <c>han decode</c> does per frame, minus output.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks : IDisposable
{
    private byte[] _buffer = [];
    private StreamDecoder _decoder = null!;
    private CountingObserver _observer = new();

    [Params("Kamstrup", "Aidon", "Kaifa")]
    public string Meter { get; set; } = "Kamstrup";

    [GlobalSetup]
    public void Setup()
    {
        _buffer = MeterFrames.Repeated(MeterFrames.Frame(Meter), MeterFrames.FramesPerBuffer);
        _observer = new CountingObserver();
        _decoder?.Dispose();
        _decoder = new StreamDecoder(_observer, Country.Norway);
    }

    [Benchmark(OperationsPerInvoke = MeterFrames.FramesPerBuffer)]
    public long DecodeReadings()
    {
        var sequence = new ReadOnlySequence<byte>(_buffer);
        _decoder.Feed(ref sequence, isFinalBlock: true);
        return _observer.Readings;
    }

    [GlobalCleanup]
    public void Check()
    {
        if (_observer.Problems > 0)
        {
            throw new InvalidOperationException($"{_observer.Problems} problems while decoding real {Meter} frames");
        }
    }

    public void Dispose()
    {
        _decoder?.Dispose();
        GC.SuppressFinalize(this);
    }
}
