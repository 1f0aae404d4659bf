namespace Han.Integrations.HomeAssistant;

/// <summary>The MQTT topics of han's Home Assistant discovery (integrations.md §1.1) and of the shared state contract.</summary>
public static class DiscoveryTopics
{
    /// <summary>Device-based discovery (Home Assistant 2024.11 and later): <c>&lt;prefix&gt;/device/han_&lt;meter id&gt;/config</c>.</summary>
    public static string Config(string discoveryPrefix, string deviceId) => $"{discoveryPrefix}/device/{deviceId}/config";

    /// <summary>What matches every device-based discovery config under the prefix, han's and others'.</summary>
    public static string AllConfigs(string discoveryPrefix) => $"{discoveryPrefix}/device/+/config";

    public static string State(string topicPrefix, string meter) => $"{topicPrefix}/{meter}/state";

    /// <summary>Another topic of a meter: <c>han/&lt;meter&gt;/cost</c>.</summary>
    public static string Meter(string topicPrefix, string meter, string name) => $"{topicPrefix}/{meter}/{name}";

    public static string Availability(string topicPrefix, string meter) => $"{topicPrefix}/{meter}/availability";
}
