namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>What one register reading did to a <see cref="HourlyStatisticsBuilder"/>: the hours it closed, and anything worth a log line.</summary>
/// <param name="Rows">The hours closed, oldest first; empty when the reading closed none (not at an hour, a repeat, the first).</param>
/// <param name="Note">Why counting started again (a gap too long to share out, the register or the clock going back); null when nothing unusual happened.</param>
public sealed record HourlyStep(IReadOnlyList<StatisticRow> Rows, string? Note)
{
    public static HourlyStep Nothing { get; } = new([], null);
}
