using Han.Simulation;
using Han.Simulation.Faults;
using Han.Simulation.Vendors;

namespace Han.Cli.Demo;

/// <summary>
/// The demo's simulated house: an Aidon 3-phase meter (the most common Norwegian one) whose household
/// model has a base load, a fridge, a water heater, cooking peaks in the evening and space heating of a
/// few kW in the cold hours. One simulator runs from four weeks ago to now at full speed (the backfill)
/// and goes on at real time (the live meter), so its registers never jump between the two. A few hourly
/// lists go missing or come twice, so the dashboard shows flagged hours.
/// </summary>
internal sealed class DemoMeter : IDisposable
{
    public static readonly TimeSpan History = TimeSpan.FromDays(28);

    /// <summary>About two of the 672 hourly lists of four weeks missing, and two repeated.</summary>
    private const double HourlyFaultRate = 0.003;

    private readonly Simulator _simulator;
    private readonly IEnumerator<Transmission> _lists;
    private Transmission? _next;

    public DemoMeter(DateTimeOffset now)
    {
        // A whole hour four weeks ago: the first day starts with an hourly list.
        Start = new DateTimeOffset((now - History).UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero);
        _simulator = new Simulator(new SimulationOptions
        {
            Vendor = MeterVendors.Find("aidon")!,
            Phases = 3,
            Start = Start,
            Seed = 2026,
            Faults = FaultPlan.Of((FaultKind.MissingHour, HourlyFaultRate), (FaultKind.RepeatedHour, HourlyFaultRate)),
        });
        _lists = _simulator.Transmissions().GetEnumerator();
    }

    public DateTimeOffset Start { get; }

    public string Description => $"Aidon {_simulator.Identity.Type} 3-phase meter {_simulator.Identity.Id}";

    /// <summary>The lists the meter sent before <paramref name="until"/>, in order; each list once over both calls of this and <see cref="Live"/>.</summary>
    public IEnumerable<Transmission> Until(DateTimeOffset until)
    {
        while (Next() is { } list && list.Time < until)
        {
            _next = null;
            yield return list;
        }
    }

    /// <summary>The lists from where <see cref="Until"/> stopped on, endless.</summary>
    public IEnumerable<Transmission> Live()
    {
        while (Next() is { } list)
        {
            _next = null;
            yield return list;
        }
    }

    public void Dispose()
    {
        _lists.Dispose();
        _simulator.Dispose();
    }

    private Transmission? Next() => _next ??= _lists.MoveNext() ? _lists.Current : null;
}
