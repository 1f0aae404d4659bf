namespace Han.Cli.Configuration;

/// <summary>
/// <c>han run --homeassistant</c>, the shorthand for Home Assistant's MQTT discovery with its defaults:
/// it sets <c>homeassistant.enabled</c> over what the file says, so the section's other settings
/// (a discovery prefix, statistics) still apply.
/// </summary>
internal static class HomeAssistantOption
{
    public const string Origin = "the --homeassistant option";

    public static IEnumerable<Setting> Settings(bool given)
    {
        if (given)
        {
            yield return new Setting("homeassistant:enabled", "true", Origin);
        }
    }
}
