namespace Han.Integrations.HomeAssistant;

/// <summary>How han announces its meters to Home Assistant over MQTT (the <c>homeassistant:</c> section of <c>han run</c>'s configuration).</summary>
/// <param name="DiscoveryPrefix">The discovery topic prefix Home Assistant listens on (its default: <c>homeassistant</c>).</param>
/// <param name="BirthTopic">Where Home Assistant says <c>online</c> when it starts, the cue to announce again (its default: <c>homeassistant/status</c>).</param>
/// <param name="DashboardUrl">The device's <c>configuration_url</c>: han's dashboard as Home Assistant's users reach it; null for none.</param>
public sealed record HomeAssistantDiscoveryOptions(string DiscoveryPrefix, string BirthTopic, Uri? DashboardUrl)
{
    public const string DefaultDiscoveryPrefix = "homeassistant";

    public const string DefaultBirthTopic = "homeassistant/status";

    public static HomeAssistantDiscoveryOptions Default { get; } = new(DefaultDiscoveryPrefix, DefaultBirthTopic, null);
}
