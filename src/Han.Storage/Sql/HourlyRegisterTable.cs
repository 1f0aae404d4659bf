using System.Data.Common;
using Han.Trust;

namespace Han.Storage.Sql;

/// <summary>Reads <c>hourly_registers</c> back as the trust rules take them (<see cref="HourlyRegisterReading"/>).</summary>
internal static class HourlyRegisterTable
{
    public static async Task<IReadOnlyList<HourlyRegisterReading>> ReadAsync(DbConnection connection, int meter, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT received, meter_clock, import_mwh, export_mwh FROM hourly_registers
            WHERE meter = @meter AND received >= @from AND received < @to
            ORDER BY received
            """;
        command.Add("@meter", meter);
        command.Add("@from", from);
        command.Add("@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var registers = new List<HourlyRegisterReading>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            registers.Add(new HourlyRegisterReading(
                MeterClockText.Parse(reader.NullableString(1)),
                StoreTime.FromStored(reader.GetInt64(0)),
                EnergyUnits.FromStored(reader.GetInt64(2))!.Value,
                EnergyUnits.FromStored(reader.NullableInt64(3))));
        }

        return registers;
    }

    /// <summary>When the meter's first register was received (stored form), or null when it has none.</summary>
    public static async Task<long?> EarliestAsync(DbConnection connection, int meter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(received) FROM hourly_registers WHERE meter = @meter";
        command.Add("@meter", meter);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long earliest ? earliest : null;
    }

    /// <summary>Deletes the meter's registers received in [<paramref name="from"/>, <paramref name="to"/>) but those received at <paramref name="kept"/> (a few dozen); returns how many.</summary>
    public static async Task<int> DeleteAllButAsync(DbConnection connection, int meter, long from, long to, IReadOnlyList<long> kept, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var names = kept.Select((_, i) => $"@kept{i}").ToList();
        command.CommandText = $"DELETE FROM hourly_registers WHERE meter = @meter AND received >= @from AND received < @to AND received NOT IN ({string.Join(", ", names)})";
        command.Add("@meter", meter);
        command.Add("@from", from);
        command.Add("@to", to);
        for (var i = 0; i < kept.Count; i++)
        {
            command.Add(names[i], kept[i]);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
