namespace Han.Integrations.Tests.HomeAssistant;

public sealed class SensorTableTests
{
    [Fact]
    public void Copy_WhenTheSharedSpecIsPresent_IsTheBlockOfSection16()
    {
        var copy = File.ReadAllText(SensorTable.CopyPath);
        if (!File.Exists(SensorTable.SharedSpecPath))
        {
            // A clone outside the workspace has only the copy; there is nothing to compare with.
            Assert.Contains("\"device_classes\"", copy, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(SensorTable.BlockOf(File.ReadAllText(SensorTable.SharedSpecPath)), copy);
    }

    [Fact]
    public void Load_Table_HasTheClassesHanUses()
    {
        var table = SensorTable.Load();

        Assert.Equal(["W", "kW"], table.DeviceClasses["power"].Units.Where(u => u is "W" or "kW"));
        Assert.Contains(null, table.DeviceClasses["power_factor"].Units);
        Assert.Empty(table.DeviceClasses["timestamp"].StateClasses);
        Assert.Contains("total_increasing", table.StateClasses);
    }

    [Fact]
    public void LoadBefore2025_6_Table_HasTheClassesHanUsesButNotReactiveEnergy()
    {
        var table = SensorTable.LoadBefore2025_6();

        Assert.False(table.DeviceClasses.ContainsKey("reactive_energy"));
        Assert.Equal(["var"], table.DeviceClasses["reactive_power"].Units);
        Assert.Equal(["total", "total_increasing"], table.DeviceClasses["energy"].StateClasses.Order(StringComparer.Ordinal));
        Assert.Equal(["measurement", "total", "total_increasing"], table.StateClasses.Order(StringComparer.Ordinal));
    }
}
