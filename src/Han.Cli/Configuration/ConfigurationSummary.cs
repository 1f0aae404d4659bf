using System.Text;

namespace Han.Cli.Configuration;

/// <summary>What <c>han run --check</c> prints for a valid configuration: each meter and output as han understood it.</summary>
internal static class ConfigurationSummary
{
    public static string Describe(string path, RunConfiguration configuration)
    {
        var text = new StringBuilder();
        var meters = configuration.Meters;
        text.Append($"{path}: valid; {meters.Count} meter{(meters.Count == 1 ? string.Empty : "s")}\n");
        foreach (var meter in meters)
        {
            var line = meter.Source.Kind == Han.Sources.Live.SourceKind.Serial
                ? meter.Line is { } setting ? $", {setting}" : ", line setting found by listening"
                : string.Empty;
            var scale = meter.Scale == 1 ? string.Empty : $", current transformer x{meter.Scale}";
            var key = meter.Key is null ? string.Empty : ", encrypted (key given)";
            text.Append($"  {meter.Name}: {meter.Source.Text}{line}, {meter.Country}{scale}{key}\n");
        }

        var outputs = configuration.Outputs;
        text.Append("outputs: the log").Append(outputs.LogReadings ? " (a line per reading)" : string.Empty);
        if (outputs.CapturePath is { } capture)
        {
            text.Append($", capture {capture}");
        }

        if (outputs.JsonLinesPath is { } json)
        {
            text.Append($", json_lines {json}");
        }

        text.Append($"; each holds up to {outputs.QueueSize} items while slow\n");
        text.Append(MqttSummary.Describe(configuration.Mqtt));
        if (configuration.Domoticz is { } domoticz)
        {
            text.Append(domoticz.Describe()).Append('\n');
        }

        if (configuration.HomeAssistant is { } homeAssistant)
        {
            text.Append(HomeAssistantSummary(homeAssistant));
        }

        if (configuration.Web is { } web)
        {
            text.Append($"web: http://{web.ListenText}/{(web.Token is null ? string.Empty : ", requests need the token")}\n");
        }

        var storage = configuration.Storage;
        text.Append(storage.Enabled
            ? $"storage: {storage.Where}, raw lists kept {storage.RawDays} days; days and months in {configuration.TimeZone.Id}{(configuration.TimeZone == TimeZoneInfo.Local ? " (the system's; time_zone: to change)" : string.Empty)}\n"
            : "storage: off (enabled: false); no history is kept\n");
        if (configuration.Prices is { } prices)
        {
            text.Append(prices.Describe()).Append('\n');
        }

        text.Append(Cost.CostSettings.FromConfiguration(configuration.Prices, configuration.Grid) is { } cost
            ? $"cost: {cost.Describe()}{(configuration.Grid?.StepAlert == true ? "; step alert on" : string.Empty)}\n"
            : configuration.Grid is not null || configuration.Prices is not null
                ? "cost: not computed (it needs prices: with the zone and, in Norway, grid: with the company; docs/cost.md)\n"
                : string.Empty);

        foreach (var warning in configuration.Warnings)
        {
            text.Append($"warning: {warning}\n");
        }

        return text.ToString();
    }

    private static string HomeAssistantSummary(HomeAssistantConfiguration homeAssistant)
    {
        var discovery = homeAssistant.Discovery is { } d
            ? $"discovery under {d.DiscoveryPrefix}/, birth message on {d.BirthTopic}{(d.DashboardUrl is { } url ? $", dashboard {url}" : string.Empty)}"
            : "no discovery";
        var statistics = homeAssistant.Statistics is { } s
            ? $"; hourly energy into long-term statistics at {s.WebSocketUrl} (meter clocks in {s.TimeZone.Id})"
            : string.Empty;
        return $"homeassistant: {discovery}{statistics}\n";
    }
}
