using Han.Protocol.Cosem;
using Han.Readings;

namespace Han.Simulation.Vendors;

/// <summary>
/// The values of the NVE lists in the order every vendor sends them (norway-lists.md §2), and the OBIS
/// code of each: C group by quantity, D = 7 instantaneous or 8 cumulative (protocol.md §6.1).
/// </summary>
public static class ListFields
{
    public static IReadOnlyList<ReadingField> Powers { get; } =
        [ReadingField.ActivePowerImport, ReadingField.ActivePowerExport, ReadingField.ReactivePowerImport, ReadingField.ReactivePowerExport];

    public static IReadOnlyList<ReadingField> Currents { get; } = [ReadingField.CurrentL1, ReadingField.CurrentL2, ReadingField.CurrentL3];

    public static IReadOnlyList<ReadingField> Voltages { get; } = [ReadingField.VoltageL1, ReadingField.VoltageL2, ReadingField.VoltageL3];

    public static IReadOnlyList<ReadingField> Energies { get; } =
        [ReadingField.ActiveEnergyImport, ReadingField.ActiveEnergyExport, ReadingField.ReactiveEnergyImport, ReadingField.ReactiveEnergyExport];

    /// <summary>Powers, currents and voltages: the measured part of list 2.</summary>
    public static IReadOnlyList<ReadingField> Instantaneous { get; } = [.. Powers, .. Currents, .. Voltages];

    /// <summary>The OBIS code of a list value, with the B group (channel) the vendor uses: 0 (Aidon, Kaifa), 1 (Kamstrup).</summary>
    public static ObisCode Code(ReadingField field, byte channel)
    {
        var index = IndexIn(Energies, field);
        if (index >= 0)
        {
            return new ObisCode(1, channel, (byte)(index + 1), 8, 0, 255);
        }

        index = IndexIn(Powers, field);
        if (index >= 0)
        {
            return new ObisCode(1, channel, (byte)(index + 1), 7, 0, 255);
        }

        // Currents are C = 31, 51, 71 and voltages 32, 52, 72 (L1, L2, L3).
        var phase = IndexIn(Currents, field);
        var voltage = phase < 0;
        phase = voltage ? IndexIn(Voltages, field) : phase;
        if (phase < 0)
        {
            throw new ArgumentException($"{field} is not a value of the NVE lists", nameof(field));
        }

        return new ObisCode(1, channel, (byte)(31 + (20 * phase) + (voltage ? 1 : 0)), 7, 0, 255);
    }

    private static int IndexIn(IReadOnlyList<ReadingField> fields, ReadingField field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == field)
            {
                return i;
            }
        }

        return -1;
    }
}
