using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Service;
using Han.Live.Fanout;
using Han.Readings;
using Han.Sources.Live;
using Han.TestCorpus;

namespace Han.Benchmarks;

/// <summary>
/// Issue 8: the time from the last byte of a frame leaving the meter's side of a line to its reading
/// reaching an output of <c>han run</c>. The line is a loopback TCP connection (as ser2net's); han's
/// side is the service's own meter pipeline (TCP source, decoder, live state, fan-out, an output's
/// queue and task), and the output completes the wait when the reading arrives. One operation is one
/// frame sent and its reading received, so the mean and median are the latency.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
#pragma warning disable CA1001 // BenchmarkDotNet ends a benchmark's resources in [GlobalCleanup], not Dispose
public class LiveLatencyBenchmarks
#pragma warning restore CA1001
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SignallingSink _sink = new();
    private TcpListener _listener = null!;
    private Socket _meter = null!;
    private MeterPipeline _pipeline = null!;
    private MeterFanOut _fanOut = null!;
    private byte[] _frame = null!;

    [Params("kamstrup-list2", "aidon-list1")]
    public string Frame { get; set; } = "kamstrup-list2";

    [GlobalSetup]
    public void Setup()
    {
        _frame = Frame == "aidon-list1" ? Vectors.ById("hassams-aidon-no-list1").Input : RealFrames.KamstrupList2;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        if (!SourceAddress.TryParse($"tcp://127.0.0.1:{port}", out var address, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var meter = new MeterConfiguration("house", address!, null, Country.Norway, 1, null, null);
        _fanOut = new MeterFanOut([new QueuedSink(_sink, 1000, (_, _) => { })]);
        var streams = new StandardStreams(() => Stream.Null, Stream.Null, TextWriter.Null);
        _pipeline = new MeterPipeline(meter, _fanOut, new MeterStats(), streams, TimeProvider.System);
        _pipeline.StartAsync(_stop.Token).GetAwaiter().GetResult();
        _meter = _listener.AcceptSocket();
        _meter.NoDelay = true;
        if (!FrameToOutput().Wait(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"no reading reached the output for the frame {Frame}");
        }

        // The connection is up and the pipeline warm.
    }

    [Benchmark]
    public async Task FrameToOutput()
    {
        var arrived = _sink.Next();
        _meter.Send(_frame);
        await arrived.ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _pipeline.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _fanOut.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _meter.Dispose();
        _listener.Stop();
        _stop.Dispose();
    }

    /// <summary>An output that completes a wait for each reading it gets.</summary>
    private sealed class SignallingSink : IMeterSink
    {
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "signal";

        public Task Next()
        {
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrived.Task;
        }

        public bool Accepts(MeterEvent item) => item is ReadingMade;

        public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
        {
            _arrived.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
