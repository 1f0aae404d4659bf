using Han.Pricing;

namespace Han.Costs;

/// <summary>A party's name in han's JSON (han cost, the web API, DESIGN.md §2.3): supplier, grid or support.</summary>
public static class PartyNames
{
    public static string Of(Party party) => party switch
    {
        Party.Supplier => "supplier",
        Party.Grid => "grid",
        _ => "support",
    };
}
