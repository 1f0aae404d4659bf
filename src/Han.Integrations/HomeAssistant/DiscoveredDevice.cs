namespace Han.Integrations.HomeAssistant;

/// <summary>
/// What han tells Home Assistant about one meter: its device (named after the meter's configured
/// name, identified by its meter id) and the entities for the values the meter has sent so far.
/// </summary>
/// <param name="Meter">The configured name (<c>house</c>): it names the state and availability topics.</param>
/// <param name="DeviceKey">The meter id, or the configured name for a meter that never sends its id: what the device id and unique ids are made of.</param>
public sealed record DiscoveredDevice(
    string Meter,
    string DeviceKey,
    string? Manufacturer,
    string? MeterType,
    string? MeterId,
    string? ListVersion,
    IReadOnlyList<HomeAssistantEntity> Entities)
{
    /// <summary>The device's id in Home Assistant and in the discovery topic: <c>han_&lt;meter id&gt;</c>, only letters, digits, <c>_</c> and <c>-</c> (what Home Assistant's topic matcher allows).</summary>
    public string DeviceId => IdOf(DeviceKey);

    /// <summary>The device id of a device key (a meter id, or a configured name).</summary>
    public static string IdOf(string deviceKey)
    {
        ArgumentNullException.ThrowIfNull(deviceKey);
        return "han_" + TopicSafe(deviceKey);
    }

    public string UniqueId(HomeAssistantEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeviceId + "_" + entity.Id;
    }

    /// <summary>Letters, digits, '_' and '-' kept; anything else becomes '_'.</summary>
    public static string TopicSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_';
            }
        });
    }
}
