using Han.Simulation.Faults;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>Runs the simulator for a stretch of simulated time and keeps what it sent.</summary>
internal static class Simulation
{
    /// <summary>Oslo wall time 2025-01-15 06:59:00 (winter, UTC+1).</summary>
    public static readonly DateTimeOffset WinterMorning = new(2025, 1, 15, 6, 59, 0, TimeSpan.FromHours(1));

    public static SimulationOptions Options(string vendor, int phases = 3, Grid grid = Grid.Tn, DateTimeOffset? start = null, ulong seed = 42) => new()
    {
        Vendor = MeterVendors.Find(vendor) ?? throw new ArgumentException(vendor, nameof(vendor)),
        Phases = phases,
        Grid = grid,
        Start = start ?? WinterMorning,
        Seed = seed,
    };

    public static Run For(SimulationOptions options, TimeSpan duration)
    {
        using var simulator = new Simulator(options);
        var end = options.Start + duration;
        var sent = simulator.Transmissions().TakeWhile(transmission => transmission.Time < end).ToList();
        return new Run(simulator, sent);
    }

    public static Run For(string vendor, TimeSpan duration, int phases = 3, Grid grid = Grid.Tn, FaultPlan? faults = null) =>
        For(Options(vendor, phases, grid) with { Faults = faults ?? FaultPlan.None }, duration);

    internal sealed record Run(Simulator Simulator, IReadOnlyList<Transmission> Sent)
    {
        public byte[] Stream => [.. Sent.SelectMany(transmission => transmission.Wire)];
    }
}
