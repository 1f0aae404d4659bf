using System.Text.Json;
using Han.TestCorpus;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// Home Assistant's sensor rules: per device class the units and state classes it accepts. The newest
/// are integrations.md §1.6's machine-usable JSON block, read from the workspace's
/// <c>shared/specs/integrations.md</c> when present, else from this folder's exact copy of the block
/// (a clone outside the workspace; <see cref="SensorTableTests"/> keeps the copy equal). The oldest
/// han supports (2024.11 to 2025.5, before <c>reactive_energy</c>) are this folder's
/// <c>home-assistant-sensor-table-before-2025.6.json</c>, with its source in it.
/// </summary>
internal sealed class SensorTable
{
    /// <summary>The name of integrations.md §1.6's table, the newest Home Assistant's rules.</summary>
    public const string Newest = "newest";

    /// <summary>The name of the table of Home Assistant 2024.11 to 2025.5.</summary>
    public const string Before2025_6 = "before 2025.6";

    private SensorTable(IReadOnlySet<string> stateClasses, IReadOnlyDictionary<string, (IReadOnlyList<string?> Units, IReadOnlySet<string> StateClasses)> deviceClasses)
    {
        StateClasses = stateClasses;
        DeviceClasses = deviceClasses;
    }

    public static string SharedSpecPath => Path.GetFullPath(Path.Combine(Vectors.RepositoryRoot(), "..", "shared", "specs", "integrations.md"));

    public static string CopyPath => Path.Combine(AppContext.BaseDirectory, "HomeAssistant", "home-assistant-sensor-table.json");

    public static string Before2025_6Path => Path.Combine(AppContext.BaseDirectory, "HomeAssistant", "home-assistant-sensor-table-before-2025.6.json");

    public IReadOnlySet<string> StateClasses { get; }

    public IReadOnlyDictionary<string, (IReadOnlyList<string?> Units, IReadOnlySet<string> StateClasses)> DeviceClasses { get; }

    public static SensorTable Load() => Parse(File.Exists(SharedSpecPath) ? BlockOf(File.ReadAllText(SharedSpecPath)) : File.ReadAllText(CopyPath));

    /// <summary>The rules of Home Assistant 2024.11 to 2025.5: what a user who has not updated since runs.</summary>
    public static SensorTable LoadBefore2025_6() => Parse(File.ReadAllText(Before2025_6Path));

    /// <summary>The table of a name the tests use: <c>newest</c> or <c>before 2025.6</c>.</summary>
    public static SensorTable Named(string name) => name switch
    {
        Newest => Load(),
        Before2025_6 => LoadBefore2025_6(),
        _ => throw new ArgumentException($"No sensor table named '{name}'", nameof(name)),
    };

    /// <summary>The JSON block of §1.6: the first <c>```json</c> block after its heading.</summary>
    public static string BlockOf(string markdown)
    {
        var section = markdown.IndexOf("### 1.6", StringComparison.Ordinal);
        Assert.True(section >= 0, "integrations.md has no §1.6");
        var start = markdown.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return markdown[start..end];
    }

    private static SensorTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var stateClasses = root.GetProperty("state_classes").EnumerateObject().Select(p => p.Name).ToHashSet();
        var deviceClasses = new Dictionary<string, (IReadOnlyList<string?>, IReadOnlySet<string>)>();
        foreach (var deviceClass in root.GetProperty("device_classes").EnumerateObject())
        {
            var units = deviceClass.Value.GetProperty("units");
            // monetary's units are a sentence (any ISO 4217 code): no list to check against.
            IReadOnlyList<string?> unitList = units.ValueKind == JsonValueKind.Array ? [.. units.EnumerateArray().Select(u => u.GetString())] : [];
            var allowed = deviceClass.Value.GetProperty("state_classes").EnumerateArray().Select(s => s.GetString()!).ToHashSet();
            deviceClasses[deviceClass.Name] = (unitList, allowed);
        }

        return new SensorTable(stateClasses, deviceClasses);
    }
}
