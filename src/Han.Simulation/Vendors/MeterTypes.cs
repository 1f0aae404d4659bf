namespace Han.Simulation.Vendors;

/// <summary>The meter type string a vendor's meter sends, per connection (norway-lists.md §3-§6).</summary>
public sealed record MeterTypes(string OnePhase, string ThreePhaseTn, string ThreePhaseIt)
{
    public string For(int phases, Grid grid) => phases == 1 ? OnePhase : grid == Grid.Tn ? ThreePhaseTn : ThreePhaseIt;
}
