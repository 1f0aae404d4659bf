using Han.Readings;

namespace Han.Integrations.HomeAssistant;

/// <summary>
/// Every sensor han can announce for a meter, one per key of the meter's state topic: the reading
/// schema (DESIGN.md §2.2), the live energy estimates, the identity and the line's diagnostics. Device
/// classes, units and state classes are combinations every Home Assistant since device discovery
/// (2024.11) accepts: integrations.md §1.6 for the newest, and the tables of 2025.5 and before
/// (checked by a test against both). Ids are short and never change: they end the unique ids.
/// </summary>
public static class EntityCatalog
{
    /// <summary>Instantaneous values come every 2 to 10 s; a minute without one means the value is stale.</summary>
    public const int FastExpirySeconds = 60;

    private static readonly HomeAssistantEntity[] ByField = BuildFields();

    /// <summary>
    /// The live energy estimates (kWh, <c>total_increasing</c>): they grow during the hour, so Home
    /// Assistant's Energy dashboard books consumption in the hour it happened, not in the hour after
    /// (when the meter's hourly register arrives, a few seconds past the hour).
    /// </summary>
    public static HomeAssistantEntity ImportEstimate { get; } =
        Energy("e_imp_live", "active_energy_import_estimate", "Energy import (live)");

    public static HomeAssistantEntity ExportEstimate { get; } =
        Energy("e_exp_live", "active_energy_export_estimate", "Energy export (live)");

    public static HomeAssistantEntity MeterId { get; } = Text("meter_id", "meter_id", "Meter ID");

    public static HomeAssistantEntity MeterType { get; } = Text("meter_type", "meter_type", "Meter type", enabled: false);

    public static HomeAssistantEntity ListVersion { get; } = Text("list_version", "list_version", "List version");

    /// <summary>The meter's clock as it sent it: without a device class, since some meters send no UTC offset and Home Assistant's timestamps need one.</summary>
    public static HomeAssistantEntity MeterTime { get; } = Text("meter_time", "meter_time", "Meter clock", enabled: false);

    /// <summary>The line's diagnostics, from the meter's <c>LineStatus</c>, in the state's key order.</summary>
    public static IReadOnlyList<HomeAssistantEntity> Line { get; } =
    [
        Counter("frames", "frames", "Frames", enabled: false),
        Counter("chk_err", "checksum_errors", "Checksum errors"),
        Counter("cut_frames", "cut_frames", "Cut frames"),
        Counter("skipped", "skipped_bytes", "Skipped bytes", enabled: false),
        Counter("undecoded", "undecoded", "Undecoded frames"),
        Text("line_state", "line_state", "Line state"),
        Text("line_settings", "line_settings", "Line settings"),
        new("last_reading", "last_reading", "Last reading", "timestamp", null, null, null, Diagnostic: true, EnabledByDefault: false),
    ];

    /// <summary>What the electricity costs now and so far, read from <c>han/&lt;meter&gt;/cost</c> (<see cref="CostEntities"/>).</summary>
    public static IReadOnlyList<HomeAssistantEntity> Cost => CostEntities.All;

    /// <summary>Every entity of the catalog, in the order a device payload lists them.</summary>
    public static IReadOnlyList<HomeAssistantEntity> All { get; } =
        [.. ByField, ImportEstimate, ExportEstimate, MeterId, MeterType, ListVersion, MeterTime, .. Line, .. CostEntities.All];

    /// <summary>Every entity by its id (declared after <see cref="All"/>, which it is made from).</summary>
    private static readonly Dictionary<string, HomeAssistantEntity> Ids = All.ToDictionary(entity => entity.Id, StringComparer.Ordinal);

    public static HomeAssistantEntity Of(ReadingField field) => ByField[(int)field];

    /// <summary>The entity with component id <paramref name="id"/>, or null for an id the catalog does not have.</summary>
    public static HomeAssistantEntity? ById(string id) => Ids.GetValueOrDefault(id);

    private static HomeAssistantEntity[] BuildFields()
    {
        var fields = new HomeAssistantEntity[ReadingFieldInfo.Count];
        void Add(ReadingField field, HomeAssistantEntity entity) => fields[(int)field] = entity;

        Add(ReadingField.ActivePowerImport, Power("p_imp", "Power import"));
        Add(ReadingField.ActivePowerExport, Power("p_exp", "Power export"));
        Add(ReadingField.ReactivePowerImport, Reactive("q_imp", "Reactive power import"));
        Add(ReadingField.ReactivePowerExport, Reactive("q_exp", "Reactive power export"));
        foreach (var phase in (string[])["l1", "l2", "l3"])
        {
            var upper = phase.ToUpperInvariant();
            var index = phase[1] - '1';
            Add(ReadingField.ActivePowerImportL1 + index, Power($"p_imp_{phase}", $"Power import {upper}"));
            Add(ReadingField.ActivePowerExportL1 + index, Power($"p_exp_{phase}", $"Power export {upper}"));
            Add(ReadingField.ReactivePowerImportL1 + index, Reactive($"q_imp_{phase}", $"Reactive power import {upper}"));
            Add(ReadingField.ReactivePowerExportL1 + index, Reactive($"q_exp_{phase}", $"Reactive power export {upper}"));
            Add(ReadingField.CurrentL1 + index, Fast($"i_{phase}", ReadingField.CurrentL1 + index, $"Current {upper}", "current", "A", 2));
            Add(ReadingField.VoltageL1 + index, Fast($"u_{phase}", ReadingField.VoltageL1 + index, $"Voltage {upper}", "voltage", "V", 1));
            Add(ReadingField.PowerFactorL1 + index, Fast($"pf_{phase}", ReadingField.PowerFactorL1 + index, $"Power factor {upper}", "power_factor", null, 2));
        }

        // Power factor is a ratio 0..1 in the reading schema: no unit (Home Assistant's "%" would mean 0..100).
        Add(ReadingField.PowerFactor, Fast("pf", ReadingField.PowerFactor, "Power factor", "power_factor", null, 2));
        Add(ReadingField.Frequency, Fast("f", ReadingField.Frequency, "Frequency", "frequency", "Hz", 2));
        Add(ReadingField.ActiveEnergyImport, Register("e_imp", ReadingField.ActiveEnergyImport, "Energy import"));
        Add(ReadingField.ActiveEnergyExport, Register("e_exp", ReadingField.ActiveEnergyExport, "Energy export"));
        Add(ReadingField.ReactiveEnergyImport, Register("eq_imp", ReadingField.ReactiveEnergyImport, "Reactive energy import"));
        Add(ReadingField.ReactiveEnergyExport, Register("eq_exp", ReadingField.ReactiveEnergyExport, "Reactive energy export"));
        Add(ReadingField.ActiveEnergyImportTariff1, Register("e_imp_t1", ReadingField.ActiveEnergyImportTariff1, "Energy import tariff 1"));
        Add(ReadingField.ActiveEnergyImportTariff2, Register("e_imp_t2", ReadingField.ActiveEnergyImportTariff2, "Energy import tariff 2"));
        Add(ReadingField.ActiveEnergyExportTariff1, Register("e_exp_t1", ReadingField.ActiveEnergyExportTariff1, "Energy export tariff 1"));
        Add(ReadingField.ActiveEnergyExportTariff2, Register("e_exp_t2", ReadingField.ActiveEnergyExportTariff2, "Energy export tariff 2"));
        return fields;

        HomeAssistantEntity Power(string id, string name) =>
            Fast(id, FieldOf(id, "active_power"), name, "power", "W", 0);

        HomeAssistantEntity Reactive(string id, string name) =>
            Fast(id, FieldOf(id, "reactive_power"), name, "reactive_power", "var", 0);
    }

    /// <summary>The field of a power id: <c>p_imp_l2</c> is <c>active_power_import_l2</c>.</summary>
    private static ReadingField FieldOf(string id, string quantity)
    {
        var key = quantity + (id.Contains("_imp", StringComparison.Ordinal) ? "_import" : "_export")
            + (id.Length > 5 ? id[5..] : string.Empty);
        return ReadingFieldInfo.Fields.Single(info => info.Key == key).Field;
    }

    private static HomeAssistantEntity Fast(string id, ReadingField field, string name, string deviceClass, string? unit, int precision) =>
        new(id, ReadingFieldInfo.Of(field).Key, name, deviceClass, "measurement", unit, precision, ExpireAfterSeconds: FastExpirySeconds);

    /// <summary>
    /// An exact meter register: sent once an hour, so it never expires; <c>total_increasing</c> as a
    /// meter's register only grows. A reactive energy register (kvarh) has no device class: Home
    /// Assistant before 2025.6 does not know <c>reactive_energy</c> and refuses the entity over it,
    /// while a sensor without device class takes any unit in every version (docs/decisions.md,
    /// "Home Assistant versions").
    /// </summary>
    private static HomeAssistantEntity Register(string id, ReadingField field, string name)
    {
        var info = ReadingFieldInfo.Of(field);
        var deviceClass = info.Quantity == Quantity.ActiveEnergy ? "energy" : null;
        return new(id, info.Key, name, deviceClass, "total_increasing", info.UnitSymbol, 3);
    }

    private static HomeAssistantEntity Energy(string id, string key, string name) =>
        new(id, key, name, "energy", "total_increasing", "kWh", 3);

    private static HomeAssistantEntity Text(string id, string key, string name, bool enabled = true) =>
        new(id, key, name, null, null, null, null, Diagnostic: true, EnabledByDefault: enabled);

    /// <summary>A count since han started: <c>total_increasing</c>, so a restart of han (back to 0) reads as a new cycle, not a fall.</summary>
    private static HomeAssistantEntity Counter(string id, string key, string name, bool enabled = true) =>
        new(id, key, name, null, "total_increasing", null, null, Diagnostic: true, EnabledByDefault: enabled);
}
