using System.Data.Common;

namespace Han.Storage.Sql;

/// <summary>The <c>energy_aggregates</c> table: one row per meter, resolution and period start, replaced when written again.</summary>
internal static class AggregateTable
{
    public static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, int meter, EnergyAggregate aggregate, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO energy_aggregates (meter, resolution, period_start, import_mwh, export_mwh, exact, flags)
            VALUES (@meter, @resolution, @start, @import, @export, @exact, @flags)
            ON CONFLICT (meter, resolution, period_start) DO UPDATE SET
                import_mwh = excluded.import_mwh, export_mwh = excluded.export_mwh, exact = excluded.exact, flags = excluded.flags
            """;
        command.Add("@meter", meter);
        command.Add("@resolution", aggregate.Resolution.ToName());
        command.Add("@start", StoreTime.ToStored(aggregate.Start));
        command.Add("@import", EnergyUnits.ToStored(aggregate.ImportKwh));
        command.Add("@export", EnergyUnits.ToStored(aggregate.ExportKwh));
        command.Add("@exact", aggregate.Exact);
        command.Add("@flags", aggregate.Flags);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<EnergyAggregate>> ReadAsync(DbConnection connection, string name, int meter, AggregateResolution resolution, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT period_start, import_mwh, export_mwh, exact, flags FROM energy_aggregates
            WHERE meter = @meter AND resolution = @resolution AND period_start >= @from AND period_start < @to
            ORDER BY period_start
            """;
        command.Add("@meter", meter);
        command.Add("@resolution", resolution.ToName());
        command.Add("@from", from);
        command.Add("@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var aggregates = new List<EnergyAggregate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            aggregates.Add(new EnergyAggregate(
                name,
                resolution,
                StoreTime.FromStored(reader.GetInt64(0)),
                EnergyUnits.FromStored(reader.NullableInt64(1)),
                EnergyUnits.FromStored(reader.NullableInt64(2)),
                reader.GetBoolean(3),
                reader.NullableString(4)));
        }

        return aggregates;
    }
}
