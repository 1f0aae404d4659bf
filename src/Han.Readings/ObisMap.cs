using System.Collections.Frozen;
using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>
/// The one table from OBIS codes to the reading schema (DESIGN.md §4: meter quirks are data).
/// Electricity codes (A = 1) are matched on any channel B = 0 or 1 (Kamstrup sends B = 1 everywhere;
/// norway-lists.md §5). Codes not here travel on in the reading's <c>obis</c> object.
/// </summary>
public static class ObisMap
{
    private static readonly Dictionary<ulong, ReadingField> Fields = BuildFields();
    private static readonly Dictionary<ulong, Identity> Identities = BuildIdentities();

    /// <summary>Every code, both channels of electricity codes included, for one lookup per value.</summary>
    private static readonly FrozenDictionary<ulong, ObisTarget> Targets = BuildTargets();

    /// <summary>What an identity object holds (strings and the clock).</summary>
    public enum Identity
    {
        ListVersion,
        MeterId,
        MeterType,
        Clock,
    }

    /// <summary>What the schema makes of <paramref name="code"/>: a field, an identity, or nothing.</summary>
    public static bool TryGetTarget(ObisCode code, out ObisTarget target) => Targets.TryGetValue(code.Packed, out target);

    public static bool TryGetField(ObisCode code, out ReadingField field)
    {
        var found = TryGetTarget(code, out var target) && target.IsField;
        field = target.Field;
        return found;
    }

    public static bool TryGetIdentity(ObisCode code, out Identity identity)
    {
        var found = TryGetTarget(code, out var target) && !target.IsField;
        identity = target.Identity;
        return found;
    }

    /// <summary>The canonical code of a field (channel 0), for positional lists and documentation.</summary>
    public static ObisCode CodeOf(ReadingField field) =>
        ObisCode.FromPacked(Fields.First(pair => pair.Value == field).Key);

    private static FrozenDictionary<ulong, ObisTarget> BuildTargets()
    {
        var targets = new Dictionary<ulong, ObisTarget>();
        foreach (var (packed, field) in Fields)
        {
            var code = ObisCode.FromPacked(packed);
            targets[packed] = ObisTarget.ForField(field);
            targets[new ObisCode(code.A, 1, code.C, code.D, code.E, code.F).Packed] = ObisTarget.ForField(field);
        }

        foreach (var (packed, identity) in Identities)
        {
            targets[packed] = ObisTarget.ForIdentity(identity);
        }

        return targets.ToFrozenDictionary();
    }

    private static Dictionary<ulong, ReadingField> BuildFields()
    {
        // 1-0:C.D.E.255 per Blue Book §7.5 / table 50 (protocol.md §6.1).
        (byte C, byte D, byte E, ReadingField Field)[] table =
        [
            (1, 7, 0, ReadingField.ActivePowerImport),
            (2, 7, 0, ReadingField.ActivePowerExport),
            (3, 7, 0, ReadingField.ReactivePowerImport),
            (4, 7, 0, ReadingField.ReactivePowerExport),
            (21, 7, 0, ReadingField.ActivePowerImportL1),
            (41, 7, 0, ReadingField.ActivePowerImportL2),
            (61, 7, 0, ReadingField.ActivePowerImportL3),
            (22, 7, 0, ReadingField.ActivePowerExportL1),
            (42, 7, 0, ReadingField.ActivePowerExportL2),
            (62, 7, 0, ReadingField.ActivePowerExportL3),
            (23, 7, 0, ReadingField.ReactivePowerImportL1),
            (43, 7, 0, ReadingField.ReactivePowerImportL2),
            (63, 7, 0, ReadingField.ReactivePowerImportL3),
            (24, 7, 0, ReadingField.ReactivePowerExportL1),
            (44, 7, 0, ReadingField.ReactivePowerExportL2),
            (64, 7, 0, ReadingField.ReactivePowerExportL3),
            (31, 7, 0, ReadingField.CurrentL1),
            (51, 7, 0, ReadingField.CurrentL2),
            (71, 7, 0, ReadingField.CurrentL3),
            (32, 7, 0, ReadingField.VoltageL1),
            (52, 7, 0, ReadingField.VoltageL2),
            (72, 7, 0, ReadingField.VoltageL3),
            (13, 7, 0, ReadingField.PowerFactor),
            (33, 7, 0, ReadingField.PowerFactorL1),
            (53, 7, 0, ReadingField.PowerFactorL2),
            (73, 7, 0, ReadingField.PowerFactorL3),
            (14, 7, 0, ReadingField.Frequency),
            (1, 8, 0, ReadingField.ActiveEnergyImport),
            (2, 8, 0, ReadingField.ActiveEnergyExport),
            (3, 8, 0, ReadingField.ReactiveEnergyImport),
            (4, 8, 0, ReadingField.ReactiveEnergyExport),
            (1, 8, 1, ReadingField.ActiveEnergyImportTariff1),
            (1, 8, 2, ReadingField.ActiveEnergyImportTariff2),
            (2, 8, 1, ReadingField.ActiveEnergyExportTariff1),
            (2, 8, 2, ReadingField.ActiveEnergyExportTariff2),
        ];
        return table.ToDictionary(row => new ObisCode(1, 0, row.C, row.D, row.E, 255).Packed, row => row.Field);
    }

    private static Dictionary<ulong, Identity> BuildIdentities()
    {
        (string Code, Identity Identity)[] table =
        [
            ("1-1:0.2.129.255", Identity.ListVersion), // NVE list version (Aidon, Kamstrup; norway-lists.md §2)
            ("1-0:0.2.129.255", Identity.ListVersion), // Swedish Kaifa OBIS variant (norway-lists.md §4)
            ("0-0:96.1.0.255", Identity.MeterId), // Aidon, Kaifa, L&G
            ("1-1:0.0.5.255", Identity.MeterId), // Kamstrup
            ("0-0:96.1.7.255", Identity.MeterType), // Aidon, Kaifa
            ("1-1:96.1.1.255", Identity.MeterType), // Kamstrup
            ("0-0:1.0.0.255", Identity.Clock), // Aidon, Kaifa
            ("0-1:1.0.0.255", Identity.Clock), // Kamstrup
        ];
        return table.ToDictionary(row => ObisCode.Parse(row.Code).Packed, row => row.Identity);
    }

    /// <summary>A field of the schema or an identity object.</summary>
    public readonly record struct ObisTarget(bool IsField, ReadingField Field, Identity Identity)
    {
        public static ObisTarget ForField(ReadingField field) => new(true, field, default);

        public static ObisTarget ForIdentity(Identity identity) => new(false, default, identity);
    }
}
