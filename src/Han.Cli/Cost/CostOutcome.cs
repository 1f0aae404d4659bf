using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>What han cost shows: the engine's report, the meter costed and the settings used.</summary>
internal sealed record CostOutcome(CostReport Report, string? Meter, CostSettings Settings);
