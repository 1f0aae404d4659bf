using Han.Cli.Io;

namespace Han.Cli.Configuration;

/// <summary>Everything <c>han run</c> was configured with (DESIGN.md §2.4), checked.</summary>
/// <param name="Mqtt">The MQTT broker han publishes to; null without an <c>mqtt:</c> section or <c>--mqtt</c>.</param>
/// <param name="HomeAssistant">The <c>homeassistant:</c> section; null when not there or not enabled.</param>
internal sealed record RunConfiguration(IReadOnlyList<MeterConfiguration> Meters, OutputsConfiguration Outputs, IReadOnlyList<string> Warnings, Han.Integrations.Mqtt.MqttConnectionOptions? Mqtt = null, HomeAssistantConfiguration? HomeAssistant = null)
{
    /// <summary>The Domoticz output; null when the file has no domoticz: section.</summary>
    public DomoticzConfiguration? Domoticz { get; init; }

    /// <summary>The web server (docs/web.md); null when the file has no web: section.</summary>
    public Han.Web.WebOptions? Web { get; init; }

    /// <summary>Where the history is kept (docs/storage.md); on by default, SQLite in the state folder.</summary>
    public StorageConfiguration Storage { get; init; } = new(true, StorageKind.Sqlite, Path.GetFullPath(StateFolder.HistoryFileName), null, StorageConfiguration.DefaultRawDays, "storage.sqlite");

    /// <summary>Where spot prices come from (docs/prices.md); null when the file has no prices: section.</summary>
    public PricesConfiguration? Prices { get; init; }

    /// <summary>The grid company's tariff and the household's support scheme and region (docs/cost.md); null when the file has no grid: section.</summary>
    public GridConfiguration? Grid { get; init; }

    /// <summary>The zone of the meters' clocks and of the history's days and months (top-level <c>time_zone</c>; default the system's).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;
}
