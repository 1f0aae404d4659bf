using Han.Costs;
using Han.Storage;

namespace Han.Web;

/// <summary>
/// What the history half of the API reads: the store (null when han run has no storage, and then the
/// history answers are empty and /api/status says <c>none</c>), the zone days and months are counted in,
/// and the clock that says what "today" and "this month" are.
/// </summary>
public sealed record HistoryOptions(IHistoryStore? Store, TimeZoneInfo Zone, TimeProvider Clock)
{
    /// <summary>How the meter's electricity is costed (<c>prices:</c> and <c>grid:</c>, docs/cost.md); null answers <c>/cost</c> with a 404 saying what to add.</summary>
    public CostProfile? Cost { get; init; }

    /// <summary>No store, the system's zone and clock.</summary>
    public static HistoryOptions None { get; } = new(null, TimeZoneInfo.Local, TimeProvider.System);
}
