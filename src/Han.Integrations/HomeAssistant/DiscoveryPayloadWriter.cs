using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Han.Integrations.HomeAssistant;

/// <summary>
/// The device-based discovery payload of one meter (integrations.md §1.1-1.5), with the abbreviated
/// keys of §1.2: the device, the origin, availability (han's own and the meter's, both needed), the
/// shared state topic and one component per entity. Each entity reads its key of the state JSON.
/// </summary>
public static class DiscoveryPayloadWriter
{
    /// <summary>The origin name han's configs carry; how han recognises its own configs among others on the broker.</summary>
    public const string OriginName = "han";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(DiscoveredDevice device, HomeAssistantOptions options, string topicPrefix, string statusTopic)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            WriteDevice(json, device, options);
            WriteOrigin(json, options);
            json.WriteStartArray("avty");
            WriteTopic(json, statusTopic);
            WriteTopic(json, DiscoveryTopics.Availability(topicPrefix, device.Meter));
            json.WriteEndArray();
            json.WriteString("avty_mode", "all");
            json.WriteString("stat_t", DiscoveryTopics.State(topicPrefix, device.Meter));
            json.WriteStartObject("cmps");
            foreach (var entity in device.Entities)
            {
                WriteComponent(json, device, entity, topicPrefix);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The entity id Home Assistant gives the entity the first time (<c>sensor.han_house_active_power_import</c>); users may rename it.</summary>
    public static string DefaultEntityId(string meter, HomeAssistantEntity entity)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Platform + ".han_" + meter.ToLowerInvariant().Replace('-', '_') + "_" + entity.Key;
    }

    private static void WriteDevice(Utf8JsonWriter json, DiscoveredDevice device, HomeAssistantOptions options)
    {
        json.WriteStartObject("dev");
        json.WriteStartArray("ids");
        json.WriteStringValue(device.DeviceId);
        json.WriteEndArray();
        json.WriteString("name", device.Meter);
        WriteIfKnown(json, "mf", device.Manufacturer);
        WriteIfKnown(json, "mdl", device.MeterType);
        WriteIfKnown(json, "sn", device.MeterId);
        WriteIfKnown(json, "sw", device.ListVersion);
        WriteIfKnown(json, "cu", options.DashboardUrl?.AbsoluteUri);
        json.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter json, HomeAssistantOptions options)
    {
        json.WriteStartObject("o");
        json.WriteString("name", OriginName);
        json.WriteString("sw", options.OriginVersion);
        WriteIfKnown(json, "url", options.OriginUrl?.AbsoluteUri);
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, string topic)
    {
        json.WriteStartObject();
        json.WriteString("t", topic);
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, DiscoveredDevice device, HomeAssistantEntity entity, string topicPrefix)
    {
        json.WriteStartObject(entity.Id);
        json.WriteString("p", entity.Platform);
        json.WriteString("uniq_id", device.UniqueId(entity));
        // default_entity_id, never object_id: object_id is ignored since Home Assistant 2026.3 (integrations.md §1.5).
        json.WriteString("default_entity_id", DefaultEntityId(device.Meter, entity));
        json.WriteString("name", entity.Name);
        WriteIfKnown(json, "dev_cla", entity.DeviceClass);
        WriteIfKnown(json, "stat_cla", entity.StateClass);
        WriteIfKnown(json, "unit_of_meas", entity.Unit);
        if (entity.Precision is { } precision)
        {
            json.WriteNumber("sug_dsp_prc", precision);
        }

        if (entity.Diagnostic)
        {
            json.WriteString("ent_cat", "diagnostic");
        }

        if (!entity.EnabledByDefault)
        {
            json.WriteBoolean("en", false);
        }

        if (entity.ExpireAfterSeconds is { } seconds)
        {
            json.WriteNumber("exp_aft", seconds);
        }

        if (entity.Topic is { } topic)
        {
            // A component's own state topic replaces the device's shared one (integrations.md §1.1).
            json.WriteString("stat_t", DiscoveryTopics.Meter(topicPrefix, device.Meter, topic));
        }

        if (entity.LastResetKey is { } lastReset)
        {
            json.WriteString("lrst_val_tpl", "{{ value_json." + lastReset + " }}");
        }

        // A binary sensor's state is ON or OFF (its default payloads); the JSON carries true or false.
        json.WriteString("val_tpl", entity.Platform == "binary_sensor"
            ? "{{ 'ON' if value_json." + entity.Key + " else 'OFF' }}"
            : "{{ value_json." + entity.Key + " }}");
        json.WriteEndObject();
    }

    private static void WriteIfKnown(Utf8JsonWriter json, string key, string? value)
    {
        if (value is not null)
        {
            json.WriteString(key, value);
        }
    }
}
