using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.Simulation;
using Han.Simulation.Vendors;

namespace Han.Web.Tests;

/// <summary>A simulated meter's lists, encoded, decoded by the real decoder and made live readings as han run makes them.</summary>
internal static class SimulatedLists
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 50, 0, TimeSpan.Zero);

    /// <param name="receivedEvery">
    /// When set, the lists arrive this far apart whatever the meter's pace (a replay faster than real
    /// time); otherwise when the meter sent them.
    /// </param>
    public static List<ReadingMade> Take(string vendor, string meter, TimeSpan span, int phases = 3, TimeSpan? receivedEvery = null)
    {
        var state = new MeterState(new MeterStateOptions());
        using var simulator = new Simulator(new SimulationOptions { Vendor = MeterVendors.Find(vendor)!, Phases = phases, Start = Start, Seed = 11 });
        return [.. simulator.Transmissions()
            .TakeWhile(t => t.Time < Start + span)
            .Select((t, index) => receivedEvery is { } every ? (Wire: t.Wire, Time: Start + (every * index)) : (t.Wire, t.Time))
            .Select(t => new ReadingMade(meter, t.Time, state.Add(OneReading.Decode(t.Wire, t.Time))))];
    }
}
