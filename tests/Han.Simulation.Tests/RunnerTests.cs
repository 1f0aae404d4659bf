using System.Diagnostics;
using Han.Simulation.Faults;
using Han.Sources.Serving;

namespace Han.Simulation.Tests;

public sealed class RunnerTests
{
    [Fact]
    public async Task Run_AtSpeed120_Sends50SecondsOfMeterTimeInAbout0Point42Seconds()
    {
        var options = Simulation.Options("kamstrup");
        using var simulator = new Simulator(options);
        var output = new MemoryOutput();
        var times = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();

        var summary = await new SimulationRunner(TimeProvider.System, new Pace(120)).RunAsync(
            simulator.Transmissions(), options.Start, options.Start.AddMinutes(1), output, _ => times.Add(watch.Elapsed), CancellationToken.None);

        Assert.Equal(6, summary.Lists); // 06:59:00 to 06:59:50; the hourly list comes at 07:00:05
        // Timed from before the run, as the runner paces from its start: the first list may go out late
        // (a loaded machine, code run for the first time) and the others then catch up with the pace.
        // A system timer may fire up to a tick of its own clock (about a millisecond) before the
        // stopwatch says the delay is over (seen: 0.4162 s for 0.4167 s), so the bound allows 15 ms;
        // without pacing the last list would leave within a few milliseconds.
        Assert.InRange(times[^1], TimeSpan.FromSeconds(50.0 / 120) - TimeSpan.FromMilliseconds(15), TimeSpan.FromSeconds(5));
        Assert.Equal(summary.Lists + 1, output.Flushes); // each list as it leaves, and once at the end
    }

    [Fact]
    public async Task Run_AtMaxSpeed_WaitsForNothingAndFlushesOnceAtTheEnd()
    {
        var options = Simulation.Options("aidon") with { Faults = FaultPlan.Of((FaultKind.Disconnect, 0.01)) };
        using var simulator = new Simulator(options);
        var output = new MemoryOutput();
        var watch = Stopwatch.StartNew();

        var summary = await new SimulationRunner(TimeProvider.System, Pace.Max).RunAsync(
            simulator.Transmissions(), options.Start, options.Start.AddHours(1), output, null, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal(1440, summary.Lists);
        Assert.Equal(summary.Bytes, output.Bytes.Length);
        Assert.True(output.Drops > 0);
        Assert.Equal(output.Drops + 1, output.Flushes); // one at each dropped connection, one at the end
    }

    [Fact]
    public async Task Run_Cancelled_Stops()
    {
        var options = Simulation.Options("aidon");
        using var simulator = new Simulator(options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SimulationRunner(TimeProvider.System, Pace.RealTime).RunAsync(
            simulator.Transmissions(), options.Start, null, new MemoryOutput(), null, cancel.Token));
    }

    private sealed class MemoryOutput : IByteOutput
    {
        private readonly List<byte> _bytes = [];

        public byte[] Bytes => [.. _bytes];

        public int Flushes { get; private set; }

        public int Drops { get; private set; }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            _bytes.AddRange(bytes.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return ValueTask.CompletedTask;
        }

        public ValueTask DropConnectionsAsync(CancellationToken cancellationToken)
        {
            Drops++;
            return ValueTask.CompletedTask;
        }
    }
}
