namespace Han.Integrations.HomeAssistant;

/// <summary>
/// How han announces its meters to Home Assistant over MQTT discovery: the discovery prefix, birth
/// topic and dashboard address come from the <c>homeassistant:</c> section of <c>han run</c>'s
/// configuration, the meters from its <c>meters:</c>; the timings are han's own.
/// </summary>
public sealed record HomeAssistantOptions
{
    public const string DefaultDiscoveryPrefix = "homeassistant";

    public const string DefaultBirthTopic = "homeassistant/status";

    /// <summary>Home Assistant's discovery prefix (its MQTT integration's setting; default <c>homeassistant</c>).</summary>
    public string DiscoveryPrefix { get; init; } = DefaultDiscoveryPrefix;

    /// <summary>Where Home Assistant sends <c>online</c> when it starts (its birth message): han announces its meters again then.</summary>
    public string BirthTopic { get; init; } = DefaultBirthTopic;

    /// <summary>The dashboard's URL when han serves one: the device's "Visit" link in Home Assistant.</summary>
    public Uri? DashboardUrl { get; init; }

    /// <summary>The names of the meters of the configuration: a device han announced for any other meter is removed.</summary>
    public IReadOnlyList<string> ConfiguredMeters { get; init; } = [];

    /// <summary>
    /// The longest random wait after Home Assistant's birth message before announcing again: Home
    /// Assistant advises a random delay, so that its restart is not met by every publisher at once.
    /// </summary>
    public TimeSpan MaxAnnounceDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a meter may send readings without its meter id before it is announced under its
    /// configured name instead (P1 telegrams and some lists never carry the id; Norwegian meters send it every 10 s).
    /// </summary>
    public TimeSpan IdentityPatience { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after han connects a device of a meter no longer configured is removed: time for a meter
    /// that was only renamed in the configuration to announce the same device under its new name.
    /// </summary>
    public TimeSpan RemovalDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long after the first connection to the broker han waits before announcing a meter: time for
    /// the broker to hand back the configs han left there before (it sends them right after the
    /// subscription), so that an announcement after a restart keeps every component the device had.
    /// </summary>
    public TimeSpan RetainedConfigsSettle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The cost entities han may announce (<see cref="HomeAssistant.CostEntities"/>): none unless <c>han run</c>
    /// computes the cost (its <c>prices:</c> and <c>grid:</c> settings), the step alert only with <c>grid.step_alert</c>.
    /// </summary>
    public IReadOnlyList<HomeAssistantEntity> CostEntities { get; init; } = [];

    /// <summary>The origin block's version and support link (Home Assistant logs them with each discovery).</summary>
    public string OriginVersion { get; init; } = typeof(HomeAssistantOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public Uri? OriginUrl { get; init; }
}
