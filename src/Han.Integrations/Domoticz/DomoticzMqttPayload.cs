using System.Buffers;
using System.Text.Json;

namespace Han.Integrations.Domoticz;

/// <summary>
/// The JSON of one update on <c>domoticz/in</c> (integrations.md §2.1, [DZ1]):
/// <c>{"command":"udevice","idx":12,"nvalue":0,"svalue":"..."}</c>. Domoticz rejects the message unless
/// <c>nvalue</c> is a JSON integer and <c>svalue</c> a JSON string, so they are written as such.
/// </summary>
public static class DomoticzMqttPayload
{
    public static byte[] Write(DomoticzUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("command", "udevice");
            json.WriteNumber("idx", update.Idx);
            json.WriteNumber("nvalue", update.NValue);
            json.WriteString("svalue", update.SValue);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
