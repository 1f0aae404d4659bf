using System.Text.Json;
using Han.Integrations.Domoticz;

namespace Han.Integrations.Tests.Domoticz;

/// <summary>The payload against integrations.md §2.1: nvalue a JSON integer, svalue a JSON string, else Domoticz drops it.</summary>
public sealed class DomoticzMqttPayloadTests
{
    [Fact]
    public void Write_AnUpdate_IsTheUdeviceCommandWithIntegerNvalueAndStringSvalue()
    {
        var payload = DomoticzMqttPayload.Write(new DomoticzUpdate(DomoticzDevice.Power, 12, 0, "3825;85823280"));

        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        Assert.Equal(["command", "idx", "nvalue", "svalue"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("udevice", root.GetProperty("command").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("idx").ValueKind);
        Assert.Equal(12, root.GetProperty("idx").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("nvalue").ValueKind);
        Assert.True(root.GetProperty("nvalue").TryGetInt32(out var nvalue));
        Assert.Equal(0, nvalue);
        Assert.Equal(JsonValueKind.String, root.GetProperty("svalue").ValueKind);
        Assert.Equal("3825;85823280", root.GetProperty("svalue").GetString());
    }

    [Fact]
    public void Write_AnUpdate_IsCompactAsAmsreaderSendsIt()
    {
        var payload = DomoticzMqttPayload.Write(new DomoticzUpdate(DomoticzDevice.VoltageL1, 7, 0, "230.1"));

        Assert.Equal("""{"command":"udevice","idx":7,"nvalue":0,"svalue":"230.1"}""", System.Text.Encoding.UTF8.GetString(payload));
    }
}
