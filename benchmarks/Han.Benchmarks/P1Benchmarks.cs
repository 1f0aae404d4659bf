using System.Buffers;
using BenchmarkDotNet.Attributes;
using Han.Pipeline;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Benchmarks;

/// <summary>
/// DSMR P1 telegrams (issue 3: at least 200,000 telegrams/s): framing with the CRC check, line parsing
/// and the reading, per telegram. Dutch DSMR 5.0.2 and Belgian e-MUCS telegrams from the corpus.
/// </summary>
[MemoryDiagnoser]
public class P1Benchmarks : IDisposable
{
    private const int Telegrams = 1000;

    private byte[] _stream = [];
    private StreamDecoder? _decoder;
    private CountingObserver _observer = new();

    [Params("dsmr-nl-v50-two-mbus", "dsmr-be-fluvius-v171")]
    public string Telegram { get; set; } = "dsmr-nl-v50-two-mbus";

    [GlobalSetup]
    public void Setup()
    {
        var vector = Vectors.ById(Telegram);
        _stream = MeterFrames.Repeated(vector.Input, Telegrams);
        _observer = new CountingObserver();
        _decoder?.Dispose();
        _decoder = new StreamDecoder(_observer, new DecoderOptions(Country.Parse(vector.Country)));
    }

    [Benchmark(OperationsPerInvoke = Telegrams)]
    public long DecodeTelegrams()
    {
        var sequence = new ReadOnlySequence<byte>(_stream);
        _decoder!.Feed(ref sequence, isFinalBlock: true);
        return _observer.Readings;
    }

    [GlobalCleanup]
    public void Check()
    {
        if (_observer.Problems > 0)
        {
            throw new InvalidOperationException($"{_observer.Problems} problems while decoding {Telegram}");
        }
    }

    public void Dispose()
    {
        _decoder?.Dispose();
        GC.SuppressFinalize(this);
    }
}
