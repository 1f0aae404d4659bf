namespace Han.Cli.Configuration;

/// <summary>Everything <c>han run</c> was configured with (DESIGN.md §2.4), checked.</summary>
internal sealed record RunConfiguration(IReadOnlyList<MeterConfiguration> Meters, OutputsConfiguration Outputs, IReadOnlyList<string> Warnings)
{
    /// <summary>The Domoticz output; null when the file has no domoticz: section.</summary>
    public DomoticzConfiguration? Domoticz { get; init; }
}
