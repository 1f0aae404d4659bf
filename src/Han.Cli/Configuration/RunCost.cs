using Han.Costs;

namespace Han.Cli.Configuration;

/// <summary>
/// The cost han run computes live (docs/mqtt.md, "The cost"): how the household is costed (from <c>prices:</c> and
/// <c>grid:</c>) and whether the capacity step alert is on (<c>grid.step_alert</c>).
/// </summary>
internal sealed record RunCost(CostProfile Profile, bool StepAlert);
