using System.Text.Json;
using Han.TestCorpus;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// Home Assistant's sensor rules as integrations.md §1.6 gives them in its machine-usable JSON block:
/// per device class the units and state classes it accepts. Read from the workspace's
/// <c>shared/specs/integrations.md</c> when present, else from this folder's exact copy of the block
/// (a clone outside the workspace; <see cref="SensorTableTests"/> keeps the copy equal).
/// </summary>
internal sealed class SensorTable
{
    private SensorTable(IReadOnlySet<string> stateClasses, IReadOnlyDictionary<string, (IReadOnlyList<string?> Units, IReadOnlySet<string> StateClasses)> deviceClasses)
    {
        StateClasses = stateClasses;
        DeviceClasses = deviceClasses;
    }

    public static string SharedSpecPath => Path.GetFullPath(Path.Combine(Vectors.RepositoryRoot(), "..", "shared", "specs", "integrations.md"));

    public static string CopyPath => Path.Combine(AppContext.BaseDirectory, "HomeAssistant", "home-assistant-sensor-table.json");

    public IReadOnlySet<string> StateClasses { get; }

    public IReadOnlyDictionary<string, (IReadOnlyList<string?> Units, IReadOnlySet<string> StateClasses)> DeviceClasses { get; }

    public static SensorTable Load() => Parse(File.Exists(SharedSpecPath) ? BlockOf(File.ReadAllText(SharedSpecPath)) : File.ReadAllText(CopyPath));

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
