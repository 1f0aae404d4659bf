using Han.Simulation.Faults;

namespace Han.Simulation;

/// <summary>
/// What a run sent: lists due, lists put on the wire intact, bytes, faults by kind (a disconnect counted
/// once, where the connection dropped), and the lists the line's silence after a disconnect swallowed.
/// </summary>
public sealed class RunSummary
{
    private readonly Dictionary<FaultKind, int> _faults = [];

    public int Lists { get; private set; }

    public int Intact { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Lists not sent because the line was down after a disconnect.</summary>
    public int Silenced { get; private set; }

    public IReadOnlyDictionary<FaultKind, int> Faults => _faults;

    public void Add(Transmission transmission)
    {
        ArgumentNullException.ThrowIfNull(transmission);
        Lists++;
        Intact += transmission.Intact ? 1 : 0;
        Bytes += transmission.Wire.Length;
        if (transmission.Fault == FaultKind.Disconnect && !transmission.DropsConnection)
        {
            Silenced++;
        }
        else if (transmission.Fault is { } fault)
        {
            _faults[fault] = _faults.GetValueOrDefault(fault) + 1;
        }
    }

    public override string ToString()
    {
        var faults = _faults.Count == 0 ? string.Empty
            : "; faults: " + string.Join(", ", _faults.OrderBy(entry => entry.Key).Select(entry => $"{FaultPlan.NameOf(entry.Key)} {entry.Value}"));
        var silenced = Silenced == 0 ? string.Empty : $" ({Silenced} lists unsent while disconnected)";
        return $"{Lists} lists due, {Intact} sent intact, {Bytes} bytes{faults}{silenced}";
    }
}
