namespace Han.Cli.Configuration;

/// <summary>Everything <c>han run</c> was configured with (DESIGN.md §2.4), checked.</summary>
/// <param name="Mqtt">The MQTT broker han publishes to; null without an <c>mqtt:</c> section or <c>--mqtt</c>.</param>
internal sealed record RunConfiguration(IReadOnlyList<MeterConfiguration> Meters, OutputsConfiguration Outputs, IReadOnlyList<string> Warnings, Han.Integrations.Mqtt.MqttConnectionOptions? Mqtt = null);
