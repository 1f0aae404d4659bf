using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.Simulation;
using Han.Simulation.Vendors;

namespace Han.Browser.Tests;

/// <summary>
/// han's own simulated meter, its lists encoded, decoded by the real decoder and made live readings as
/// han run makes them, starting some minutes before now so that the live graph has a past.
/// </summary>
internal sealed class SimulatedMeter : IDisposable
{
    private readonly Simulator _simulator;
    private readonly IEnumerator<Transmission> _lists;
    private readonly MeterState _state = new(new MeterStateOptions());
    private long _readings;

    public SimulatedMeter(string name, TimeSpan past, string vendor = "aidon")
    {
        Name = name;
        _simulator = new Simulator(new SimulationOptions { Vendor = MeterVendors.Find(vendor)!, Phases = 3, Start = DateTimeOffset.UtcNow - past, Seed = 7 });
        _lists = _simulator.Transmissions().GetEnumerator();
    }

    public string Name { get; }

    /// <summary>The newest reading made, null before the first.</summary>
    public ReadingMade? Last { get; private set; }

    /// <summary>The next list as a live reading.</summary>
    public ReadingMade Next()
    {
        _lists.MoveNext();
        var list = _lists.Current;
        Last = new ReadingMade(Name, list.Time, _state.Add(OneReading.Decode(list.Wire, list.Time)));
        _readings++;
        return Last;
    }

    /// <summary>Every list up to now.</summary>
    public List<ReadingMade> UntilNow()
    {
        var made = new List<ReadingMade>();
        while (Last is null || Last.At < DateTimeOffset.UtcNow)
        {
            made.Add(Next());
        }

        return made;
    }

    /// <summary>The line as han run reports it every 10 s, with some trouble so that the health shows numbers.</summary>
    public LineStatus Line() =>
        new(Name, Last?.At ?? DateTimeOffset.UtcNow, "connected", "2400 8E1", _readings, _readings + 2, 1, 1, 37, 0, Last?.At);

    public void Dispose()
    {
        _lists.Dispose();
        _simulator.Dispose();
    }
}
