using Han.Integrations.HomeAssistant;

namespace Han.Cli.Configuration;

/// <summary>The <c>homeassistant:</c> section, checked: MQTT discovery always (it needs the <c>mqtt:</c> connection), long-term statistics when configured.</summary>
/// <param name="Discovery">Discovery prefix, birth topic and dashboard address for the MQTT discovery; null with <c>discovery: false</c> (statistics only).</param>
/// <param name="Statistics">The exact hourly energy into long-term statistics over the WebSocket API; null when not configured.</param>
internal sealed record HomeAssistantConfiguration(HomeAssistantOptions? Discovery, HomeAssistantStatisticsOptions? Statistics);
