using BenchmarkDotNet.Attributes;
using Han.Protocol.Dlms;
using Han.Protocol.Hdlc;
using Han.Readings.Lists;
using Han.TestCorpus;

namespace Han.Benchmarks;

/// <summary>DLMS header and A-XDR list parsing of one notification (no framing, no reading built).</summary>
[MemoryDiagnoser]
public class AxdrBenchmarks
{
    private byte[] _apdu = [];

    [Params("Kamstrup", "Aidon", "Kaifa")]
    public string Meter { get; set; } = "Kamstrup";

    [GlobalSetup]
    public void Setup() => _apdu = Llc.Strip(HdlcFrameBuilder.InformationOf(MeterFrames.Frame(Meter))).ToArray();

    [Benchmark]
    public int ParseList()
    {
        var notification = DataNotification.Parse(_apdu);
        var list = new PushListReader(notification.Body);
        var entries = 0;
        while (list.TryRead(out var entry))
        {
            entries += entry.Value.Payload.Length;
        }

        return entries;
    }
}
