using System.Text.RegularExpressions;
using Han.Integrations.HomeAssistant;
using Han.Readings;

namespace Han.Integrations.Tests.HomeAssistant;

public sealed partial class EntityCatalogTests
{
    /// <summary>Every entity against the newest Home Assistant (integrations.md §1.6) and against 2024.11 to 2025.5, the oldest with device discovery.</summary>
    public static TheoryData<string, string> EntityIdsAndTables
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var entity in EntityCatalog.All)
            {
                data.Add(entity.Id, SensorTable.Newest);
                data.Add(entity.Id, SensorTable.Before2025_6);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EntityIdsAndTables))]
    public void Entity_AgainstEachSupportedVersionsSensorTable_IsAnAcceptedCombination(string id, string table)
    {
        var entity = EntityCatalog.All.Single(e => e.Id == id);
        var rules = SensorTable.Named(table);
        if (entity.Platform != "sensor")
        {
            Assert.Equal(("binary_sensor", "problem", null, null), (entity.Platform, entity.DeviceClass, entity.StateClass, entity.Unit)); // the step alert: on means trouble
            return;
        }

        if (entity.StateClass is { } stateClass)
        {
            Assert.Contains(stateClass, rules.StateClasses);
        }

        if (entity.DeviceClass == "monetary")
        {
            // §1.6: any ISO 4217 code, state class total only (no list of units to check against; the table
            // of 2024.11-2025.5 lists the classes of the meter's values only, and monetary's rule is older than both).
            Assert.Equal(["total"], SensorTable.Load().DeviceClasses["monetary"].StateClasses);
            Assert.Matches("^[A-Z]{3}$", entity.Unit);
            Assert.Equal("total", entity.StateClass);
            return;
        }

        if (entity.DeviceClass is null)
        {
            // A plain value: no version binds its unit or state class to anything (Home Assistant checks a
            // unit only against a device class); why one with a unit has none is the test below.
            return;
        }

        Assert.True(rules.DeviceClasses.TryGetValue(entity.DeviceClass, out var classRules), $"{entity.DeviceClass} is not a device class of the table {table}");
        Assert.Contains(entity.Unit, classRules.Units);
        if (entity.StateClass is null)
        {
            Assert.Empty(classRules.StateClasses); // no state class where the class allows none (timestamp)
        }
        else
        {
            Assert.Contains(entity.StateClass, classRules.StateClasses);
        }
    }

    /// <summary>
    /// A value with a unit goes without device class only when every class that fits it is one Home
    /// Assistant before 2025.6 does not know: there the whole entity would be refused over the class
    /// (docs/decisions.md, "Home Assistant versions"). Leaving out a class older versions know is a
    /// loss for nothing, and this fails.
    /// </summary>
    [Fact]
    public void EntitiesWithAUnitButNoDeviceClass_AreOnlyThoseWhoseClassOlderVersionsRefuse()
    {
        var newest = SensorTable.Load();
        var before = SensorTable.LoadBefore2025_6();
        // The meter's values; the cost entities' units (NOK/kWh, kWh of headroom) are below.
        var plain = EntityCatalog.All.Where(e => e.Topic is null && e.DeviceClass is null && e.Unit is not null).ToList();

        Assert.Equal(["eq_imp", "eq_exp"], plain.Select(e => e.Id));
        foreach (var entity in plain)
        {
            var fitting = newest.DeviceClasses
                .Where(c => c.Value.Units.Contains(entity.Unit) && c.Value.StateClasses.Contains(entity.StateClass!))
                .Select(c => c.Key)
                .ToList();

            Assert.Equal(["reactive_energy"], fitting);
            Assert.All(fitting, deviceClass => Assert.False(before.DeviceClasses.ContainsKey(deviceClass), $"{deviceClass} is known before 2025.6: {entity.Id} should have it"));
        }
    }

    /// <summary>integrations.md §1.8: what the Energy dashboard accepts as grid import or export.</summary>
    [Fact]
    public void EnergyEntities_AgainstTheEnergyDashboardRules_AreAccepted()
    {
        var energyUnits = SensorTable.Load().DeviceClasses["energy"].Units;
        var energy = EntityCatalog.All.Where(e => e.DeviceClass == "energy").ToList();

        Assert.Equal(["e_imp", "e_exp", "e_imp_t1", "e_imp_t2", "e_exp_t1", "e_exp_t2", "e_imp_live", "e_exp_live"], energy.Select(e => e.Id));
        foreach (var entity in energy)
        {
            Assert.Contains(entity.Unit, energyUnits);
            // measurement would need a last_reset attribute; total_increasing needs none and takes a restart from 0.
            Assert.Equal("total_increasing", entity.StateClass);
            // The dashboard flags an unavailable energy entity; an hourly register must never expire between hours.
            Assert.Null(entity.ExpireAfterSeconds);
            Assert.False(entity.Diagnostic);
            Assert.True(entity.EnabledByDefault);
        }
    }

    [Fact]
    public void LiveEstimates_Entities_ReadTheEstimateKeysNotTheRegisters()
    {
        Assert.Equal("active_energy_import_estimate", EntityCatalog.ImportEstimate.Key);
        Assert.Equal("active_energy_export_estimate", EntityCatalog.ExportEstimate.Key);
        Assert.Equal("Energy import (live)", EntityCatalog.ImportEstimate.Name);
        Assert.Equal("active_energy_import", EntityCatalog.Of(ReadingField.ActiveEnergyImport).Key);
    }

    [Fact]
    public void ReadingFields_EachOne_HasAnEntityWithTheSchemasKeyAndUnit()
    {
        foreach (var info in ReadingFieldInfo.Fields)
        {
            var entity = EntityCatalog.Of(info.Field);
            Assert.Equal(info.Key, entity.Key);
            // The schema's unit is Home Assistant's unit: no conversion in a template. Power factor is a bare ratio.
            Assert.Equal(info.UnitSymbol.Length == 0 ? null : info.UnitSymbol, entity.Unit);
        }
    }

    [Fact]
    public void All_Ids_AreUniqueAndTopicSafe()
    {
        var ids = EntityCatalog.All.Select(e => e.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Count, EntityCatalog.All.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(TopicSafe(), id));
    }

    /// <summary>Unique ids end with these: a change here orphans every user's entities and history. Never edit this list, only add.</summary>
    [Fact]
    public void All_Ids_AreTheOnesEverPublished()
    {
        Assert.Equal(
            "p_imp p_exp q_imp q_exp p_imp_l1 p_imp_l2 p_imp_l3 p_exp_l1 p_exp_l2 p_exp_l3 q_imp_l1 q_imp_l2 q_imp_l3 q_exp_l1 q_exp_l2 q_exp_l3 "
            + "i_l1 i_l2 i_l3 u_l1 u_l2 u_l3 pf pf_l1 pf_l2 pf_l3 f e_imp e_exp eq_imp eq_exp e_imp_t1 e_imp_t2 e_exp_t1 e_exp_t2 "
            + "e_imp_live e_exp_live meter_id meter_type list_version meter_time frames chk_err cut_frames skipped undecoded line_state line_settings last_reading "
            + "price cost_hour cost_day cost_month cap_step cap_step_fee cap_headroom cap_alert",
            string.Join(' ', EntityCatalog.All.Select(e => e.Id)));
    }

    [Fact]
    public void FastValues_Only_Expire()
    {
        foreach (var entity in EntityCatalog.All)
        {
            // The meter's instantaneous values; the cost entities change once a minute and never expire.
            var fast = entity.StateClass == "measurement" && entity.Topic is null;
            Assert.Equal(fast ? EntityCatalog.FastExpirySeconds : null, entity.ExpireAfterSeconds);
        }
    }

    [Fact]
    public void Names_NeverStartWithADeviceName()
    {
        // Home Assistant strips a device-name prefix and logs it (2023.8); the device is named after the meter.
        foreach (var entity in EntityCatalog.All)
        {
            Assert.DoesNotMatch("(?i)^(han|house|cabin|aidon|kaifa|kamstrup)", entity.Name);
            Assert.True(char.IsUpper(entity.Name[0]), entity.Name);
        }
    }

    [Fact]
    public void Diagnostics_AreTheIdentityAndTheLine()
    {
        var diagnostic = EntityCatalog.All.Where(e => e.Diagnostic).Select(e => e.Id);

        Assert.Equal(["meter_id", "meter_type", "list_version", "meter_time", "frames", "chk_err", "cut_frames", "skipped", "undecoded", "line_state", "line_settings", "last_reading"], diagnostic);
        Assert.Equal("timestamp", EntityCatalog.Line.Single(e => e.Key == "last_reading").DeviceClass);
    }

    /// <summary>
    /// integrations.md §1.8: the price entity's unit ends with /kWh and it has no device class (monetary
    /// takes a bare currency and only total); the costs are monetary totals in NOK that say when they
    /// started again from 0 (§1.6, last_reset), so a new hour, day or month is not a negative cost.
    /// </summary>
    [Fact]
    public void CostEntities_AgainstTheEnergyDashboardAndStatisticsRules_AreAccepted()
    {
        Assert.Equal((null, "measurement", "NOK/kWh"), (CostEntities.Price.DeviceClass, CostEntities.Price.StateClass, CostEntities.Price.Unit));
        var money = EntityCatalog.All.Where(e => e.DeviceClass == "monetary").ToList();
        Assert.Equal(["cost_hour", "cost_day", "cost_month"], money.Select(e => e.Id));
        Assert.Equal(["hour_start", "day_start", "month_start"], money.Select(e => e.LastResetKey));
        Assert.All(money, e => Assert.Equal(("total", "NOK"), (e.StateClass, e.Unit)));
        Assert.Equal(["total"], SensorTable.Load().DeviceClasses["monetary"].StateClasses);
        Assert.All(EntityCatalog.Cost, e => Assert.Equal(("cost", null, false), (e.Topic, e.ExpireAfterSeconds, e.Diagnostic)));
        Assert.All(EntityCatalog.All.Where(e => e.LastResetKey is not null), e => Assert.Equal("total", e.StateClass)); // HA takes last_reset only with total
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex TopicSafe();
}
