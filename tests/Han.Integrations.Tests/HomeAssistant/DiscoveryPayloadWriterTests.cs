using System.Text.Json;
using Han.Integrations.HomeAssistant;
using Han.Live.Fanout;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>The device payload for real meters of the corpus, field by field (integrations.md §1.1-1.5).</summary>
public sealed class DiscoveryPayloadWriterTests
{
    private static readonly HomeAssistantOptions Options = new()
    {
        DashboardUrl = new Uri("http://pi:8080/"),
        OriginVersion = "0.1.0",
        OriginUrl = new Uri("https://example.invalid/han"),
    };

    [Fact]
    public void Write_Aidon3PhaseHourlyList_DescribesTheDeviceAndEveryValueItSent()
    {
        var feed = new MeterFeed("house");
        var payload = Payload(feed.Reading("amsreader-aidon-no-gh1119-1-list3", 0), feed.Line(1));
        var root = payload.RootElement;

        var device = root.GetProperty("dev");
        Assert.Equal(["han_7359992890497997"], device.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("house", device.GetProperty("name").GetString());
        Assert.Equal("Aidon", device.GetProperty("mf").GetString());
        Assert.Equal("6534", device.GetProperty("mdl").GetString());
        Assert.Equal("7359992890497997", device.GetProperty("sn").GetString());
        Assert.Equal("AIDON_V0001", device.GetProperty("sw").GetString());
        Assert.Equal("http://pi:8080/", device.GetProperty("cu").GetString());
        var origin = root.GetProperty("o");
        Assert.Equal("han", origin.GetProperty("name").GetString());
        Assert.Equal("0.1.0", origin.GetProperty("sw").GetString());
        Assert.Equal("https://example.invalid/han", origin.GetProperty("url").GetString());
        Assert.Equal(["han/status", "han/house/availability"], root.GetProperty("avty").EnumerateArray().Select(a => a.GetProperty("t").GetString()));
        Assert.Equal("all", root.GetProperty("avty_mode").GetString());
        Assert.Equal("han/house/state", root.GetProperty("stat_t").GetString());

        Assert.Equal(
            "p_imp p_exp q_imp q_exp i_l1 i_l2 i_l3 u_l1 u_l2 u_l3 e_imp e_exp eq_imp eq_exp e_imp_live e_exp_live meter_id meter_type list_version meter_time "
            + "frames chk_err cut_frames skipped undecoded line_state line_settings last_reading",
            string.Join(' ', Components(payload).Select(c => c.Name)));

        var power = Component(payload, "p_imp");
        Assert.Equal("sensor", power.GetProperty("p").GetString());
        Assert.Equal("han_7359992890497997_p_imp", power.GetProperty("uniq_id").GetString());
        Assert.Equal("sensor.han_house_active_power_import", power.GetProperty("default_entity_id").GetString());
        Assert.Equal("Power import", power.GetProperty("name").GetString());
        Assert.Equal("power", power.GetProperty("dev_cla").GetString());
        Assert.Equal("measurement", power.GetProperty("stat_cla").GetString());
        Assert.Equal("W", power.GetProperty("unit_of_meas").GetString());
        Assert.Equal(0, power.GetProperty("sug_dsp_prc").GetInt32());
        Assert.Equal(60, power.GetProperty("exp_aft").GetInt32());
        Assert.Equal("{{ value_json.active_power_import }}", power.GetProperty("val_tpl").GetString());
        Assert.False(power.TryGetProperty("ent_cat", out _));
        Assert.False(power.TryGetProperty("en", out _));
        Assert.False(power.TryGetProperty("object_id", out _));

        var register = Component(payload, "e_imp");
        Assert.Equal("energy", register.GetProperty("dev_cla").GetString());
        Assert.Equal("total_increasing", register.GetProperty("stat_cla").GetString());
        Assert.Equal("kWh", register.GetProperty("unit_of_meas").GetString());
        Assert.False(register.TryGetProperty("exp_aft", out _));

        var live = Component(payload, "e_imp_live");
        Assert.Equal("Energy import (live)", live.GetProperty("name").GetString());
        Assert.Equal("{{ value_json.active_energy_import_estimate }}", live.GetProperty("val_tpl").GetString());
        Assert.Equal("han_7359992890497997_e_imp_live", live.GetProperty("uniq_id").GetString());

        // No device class: reactive_energy would make Home Assistant before 2025.6 refuse the entity.
        var reactive = Component(payload, "eq_exp");
        Assert.False(reactive.TryGetProperty("dev_cla", out _));
        Assert.Equal("total_increasing", reactive.GetProperty("stat_cla").GetString());
        Assert.Equal("kvarh", reactive.GetProperty("unit_of_meas").GetString());
        Assert.Equal(3, reactive.GetProperty("sug_dsp_prc").GetInt32());
        Assert.Equal("{{ value_json.reactive_energy_export }}", reactive.GetProperty("val_tpl").GetString());
        Assert.False(reactive.TryGetProperty("exp_aft", out _));
        Assert.Equal("var", Component(payload, "q_exp").GetProperty("unit_of_meas").GetString());

        var frames = Component(payload, "frames");
        Assert.Equal("diagnostic", frames.GetProperty("ent_cat").GetString());
        Assert.False(frames.GetProperty("en").GetBoolean());
        Assert.Equal("{{ value_json.frames }}", frames.GetProperty("val_tpl").GetString());
        var last = Component(payload, "last_reading");
        Assert.Equal("timestamp", last.GetProperty("dev_cla").GetString());
        Assert.False(last.TryGetProperty("stat_cla", out _));
    }

    [Fact]
    public void Write_Kamstrup1PhaseLists_HasOnlyL1AndTheRegistersOfItsHourlyList()
    {
        var feed = new MeterFeed("cabin");
        var tenSecond = Payload(feed.Reading("amshan-kamstrup-no-list1-1ph-real", 0));
        var hourly = Payload(feed.Reading("amshan-kamstrup-no-list1-1ph-real", 0), feed.Reading("amshan-kamstrup-no-list2-1ph-real", 10));

        Assert.Equal("p_imp p_exp q_imp q_exp i_l1 u_l1 meter_id meter_type list_version meter_time", string.Join(' ', Components(tenSecond).Select(c => c.Name)));
        Assert.Equal(
            "p_imp p_exp q_imp q_exp i_l1 u_l1 e_imp e_exp eq_imp eq_exp e_imp_live e_exp_live meter_id meter_type list_version meter_time",
            string.Join(' ', Components(hourly).Select(c => c.Name)));
        var device = hourly.RootElement.GetProperty("dev");
        Assert.Equal("Kamstrup", device.GetProperty("mf").GetString());
        Assert.Equal("6861111BN242101040", device.GetProperty("mdl").GetString());
        Assert.Equal("Kamstrup_V0001", device.GetProperty("sw").GetString());
        Assert.Equal("han_5705705705705702_u_l1", Component(hourly, "u_l1").GetProperty("uniq_id").GetString());
        Assert.Equal("sensor.han_cabin_voltage_l1", Component(hourly, "u_l1").GetProperty("default_entity_id").GetString());
    }

    [Fact]
    public void Write_Kaifa1PhaseList2_HasNoOtherPhasesAndNoEnergy()
    {
        var feed = new MeterFeed("flat");
        var payload = Payload(feed.Reading("hassams-kaifa-1ph-list2", 0));

        Assert.Equal("p_imp p_exp q_imp q_exp i_l1 u_l1 meter_id meter_type list_version meter_time", string.Join(' ', Components(payload).Select(c => c.Name)));
        var device = payload.RootElement.GetProperty("dev");
        Assert.Equal("MA105H2E", device.GetProperty("mdl").GetString());
        Assert.Equal("6970631403460324", device.GetProperty("sn").GetString());
        Assert.Equal("KFM_001", device.GetProperty("sw").GetString());
        Assert.Equal("A", Component(payload, "i_l1").GetProperty("unit_of_meas").GetString());
    }

    [Fact]
    public void Write_WithoutDashboard_LeavesOutTheConfigurationUrl()
    {
        var feed = new MeterFeed("flat");
        var device = Device(feed.Reading("hassams-kaifa-1ph-list2", 0));
        using var payload = JsonDocument.Parse(DiscoveryPayloadWriter.Write(device, new HomeAssistantOptions(), "han", "han/status"));

        Assert.False(payload.RootElement.GetProperty("dev").TryGetProperty("cu", out _));
        Assert.False(payload.RootElement.GetProperty("o").TryGetProperty("url", out _));
    }

    /// <summary>
    /// Home Assistant validates a device payload's own keys, its device and its origin strictly: one key
    /// an older version does not know refuses the whole device, every entity with it (a component's
    /// unknown key is only dropped). These are the keys of home-assistant/core@0f5c1b54's
    /// mqtt/schemas.py (DEVICE_DISCOVERY_SCHEMA, MQTT_ENTITY_DEVICE_INFO_SCHEMA, MQTT_ORIGIN_INFO_SCHEMA)
    /// in the abbreviated form of integrations.md §1.2; han may use no others.
    /// </summary>
    [Fact]
    public void Write_DeviceOriginAndSharedKeys_AreAllKnownSinceDeviceDiscovery()
    {
        string[] shared = ["dev", "o", "cmps", "avty", "avty_mode", "avty_t", "avty_tpl", "pl_avail", "pl_not_avail", "stat_t", "qos"];
        string[] device = ["ids", "cns", "mf", "mdl", "name", "hw", "sn", "sw", "via_device", "sa", "cu"];
        string[] origin = ["name", "sw", "url"];
        var feed = new MeterFeed("house");
        var payload = Payload(feed.Reading("amsreader-aidon-no-gh1119-1-list3", 0), feed.Line(1));
        var root = payload.RootElement;

        Assert.All(root.EnumerateObject(), key => Assert.Contains(key.Name, shared));
        Assert.All(root.GetProperty("dev").EnumerateObject(), key => Assert.Contains(key.Name, device));
        Assert.All(root.GetProperty("o").EnumerateObject(), key => Assert.Contains(key.Name, origin));
        Assert.Equal(6, root.EnumerateObject().Count());
        Assert.Equal(7, root.GetProperty("dev").EnumerateObject().Count());
        Assert.Equal(3, root.GetProperty("o").EnumerateObject().Count());
    }

    [Fact]
    public void DeviceId_MeterIdWithOddCharacters_IsTopicSafe()
    {
        var device = new DiscoveredDevice("house", "AB 12/3+#", null, null, null, null, []);

        Assert.Equal("han_AB_12_3__", device.DeviceId);
        Assert.Equal("homeassistant/device/han_AB_12_3__/config", DiscoveryTopics.Config("homeassistant", device.DeviceId));
    }

    /// <summary>Home Assistant's own topic matcher, applied after the prefix (integrations.md §1.1, [HA4]).</summary>
    [Theory]
    [InlineData("7359992890497997")]
    [InlineData("AB 12/3+#")]
    [InlineData("garage")]
    public void Config_Topic_MatchesHomeAssistantsDiscoveryTopicMatcher(string deviceKey)
    {
        var device = new DiscoveredDevice("house", deviceKey, null, null, null, null, []);
        var topic = DiscoveryTopics.Config("homeassistant", device.DeviceId);

        var match = System.Text.RegularExpressions.Regex.Match(topic["homeassistant/".Length..], @"^(?<component>\w+)/(?:(?<node_id>[a-zA-Z0-9_-]+)/)?(?<object_id>[a-zA-Z0-9_-]+)/config$");

        Assert.True(match.Success, topic);
        Assert.Equal("device", match.Groups["component"].Value);
        Assert.Equal(device.DeviceId, match.Groups["object_id"].Value);
    }

    internal static DiscoveredDevice Device(params MeterEvent[] events)
    {
        var sent = new SentValues();
        Han.Live.MeterIdentity identity = Han.Live.MeterIdentity.Unknown;
        string meter = events[0].Meter;
        foreach (var item in events)
        {
            switch (item)
            {
                case ReadingMade made:
                    sent.Add(made.Reading);
                    identity = made.Reading.Identity;
                    break;
                case LineStatus status:
                    sent.Add(status);
                    break;
            }
        }

        return new DiscoveredDevice(meter, identity.MeterId!, identity.Manufacturer, identity.MeterType, identity.MeterId, identity.ListVersion, sent.Entities);
    }

    private static JsonDocument Payload(params MeterEvent[] events) =>
        JsonDocument.Parse(DiscoveryPayloadWriter.Write(Device(events), Options, "han", "han/status"));

    private static JsonElement.ObjectEnumerator Components(JsonDocument payload) => payload.RootElement.GetProperty("cmps").EnumerateObject();

    private static JsonElement Component(JsonDocument payload, string id) => payload.RootElement.GetProperty("cmps").GetProperty(id);
}
