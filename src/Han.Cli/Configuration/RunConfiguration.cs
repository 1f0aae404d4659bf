namespace Han.Cli.Configuration;

/// <summary>Everything <c>han run</c> was configured with (DESIGN.md §2.4), checked.</summary>
/// <param name="HomeAssistant">The <c>homeassistant:</c> section; null when not there or not enabled.</param>
internal sealed record RunConfiguration(IReadOnlyList<MeterConfiguration> Meters, OutputsConfiguration Outputs, IReadOnlyList<string> Warnings, HomeAssistantConfiguration? HomeAssistant = null);
