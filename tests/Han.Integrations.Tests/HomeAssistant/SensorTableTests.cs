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
}
