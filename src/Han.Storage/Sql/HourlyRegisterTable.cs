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
}
