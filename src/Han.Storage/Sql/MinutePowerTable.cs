using System.Data.Common;

namespace Han.Storage.Sql;

/// <summary>The <c>minute_power</c> table: a minute's row merged with the lists of each write that falls in it.</summary>
internal static class MinutePowerTable
{
    private const string Columns = "import_mean, import_min, import_max, import_count, export_mean, export_min, export_max, export_count";

    public static async Task MergeAsync(DbConnection connection, DbTransaction transaction, MinuteBatch batch, CancellationToken cancellationToken)
    {
        foreach (var ((meter, minute), import, export) in batch.Minutes)
        {
            var (storedImport, storedExport) = await ReadOneAsync(connection, transaction, meter, minute, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO minute_power (meter, minute_start, {Columns})
                VALUES (@meter, @minute, @import_mean, @import_min, @import_max, @import_count, @export_mean, @export_min, @export_max, @export_count)
                ON CONFLICT (meter, minute_start) DO UPDATE SET
                    import_mean = excluded.import_mean, import_min = excluded.import_min, import_max = excluded.import_max, import_count = excluded.import_count,
                    export_mean = excluded.export_mean, export_min = excluded.export_min, export_max = excluded.export_max, export_count = excluded.export_count
                """;
            command.Add("@meter", meter);
            command.Add("@minute", minute);
            AddSummary(command, "import", import.MergedWith(storedImport));
            AddSummary(command, "export", export.MergedWith(storedExport));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes whole minutes summed up elsewhere with one prepared statement. A stored minute is replaced
    /// only by one with more lists: the same minutes written again change nothing (an import run twice),
    /// and a minute the live service stored in full is not replaced by a capture that holds part of it.
    /// </summary>
    /// <returns>How many minutes were written (new, or with more lists than stored).</returns>
    public static async Task<int> WriteSummedAsync(DbConnection connection, DbTransaction transaction, int meter, IReadOnlyList<MinutePower> minutes, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $$"""
            INSERT INTO minute_power (meter, minute_start, {{Columns}})
            VALUES (@meter, @minute, @import_mean, @import_min, @import_max, @import_count, @export_mean, @export_min, @export_max, @export_count)
            ON CONFLICT (meter, minute_start) DO UPDATE SET
                import_mean = excluded.import_mean, import_min = excluded.import_min, import_max = excluded.import_max, import_count = excluded.import_count,
                export_mean = excluded.export_mean, export_min = excluded.export_min, export_max = excluded.export_max, export_count = excluded.export_count
            WHERE excluded.import_count + excluded.export_count > minute_power.import_count + minute_power.export_count
            """;
        command.Add("@meter", meter);
        var minute = command.Add("@minute", 0L);
        var import = SummaryParameters(command, "import");
        var export = SummaryParameters(command, "export");
        var written = 0;
        foreach (var power in minutes)
        {
            minute.Value = StoreTime.ToStored(power.Start);
            Set(import, power.Import);
            Set(export, power.Export);
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    public static async Task<IReadOnlyList<MinutePower>> ReadAsync(DbConnection connection, string name, int meter, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT minute_start, {Columns} FROM minute_power WHERE meter = @meter AND minute_start >= @from AND minute_start < @to ORDER BY minute_start";
        command.Add("@meter", meter);
        command.Add("@from", from);
        command.Add("@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var minutes = new List<MinutePower>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            minutes.Add(new MinutePower(name, StoreTime.FromStored(reader.GetInt64(0)), Summary(reader, 1), Summary(reader, 5)));
        }

        return minutes;
    }

    private static async Task<(PowerSummary? Import, PowerSummary? Export)> ReadOneAsync(DbConnection connection, DbTransaction transaction, int meter, long minute, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM minute_power WHERE meter = @meter AND minute_start = @minute";
        command.Add("@meter", meter);
        command.Add("@minute", minute);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (Summary(reader, 0), Summary(reader, 4)) : (null, null);
    }

    /// <summary>The summary in the four columns from <paramref name="first"/> (mean, min, max, count); null when its count is 0.</summary>
    private static PowerSummary? Summary(DbDataReader reader, int first)
    {
        var count = reader.GetInt32(first + 3);
        return count == 0 ? null : new PowerSummary(reader.GetDouble(first), reader.GetDouble(first + 1), reader.GetDouble(first + 2), count);
    }

    private static DbParameter[] SummaryParameters(DbCommand command, string side) =>
        [command.Add($"@{side}_mean", null), command.Add($"@{side}_min", null), command.Add($"@{side}_max", null), command.Add($"@{side}_count", 0)];

    private static void Set(DbParameter[] parameters, PowerSummary? summary)
    {
        parameters[0].Value = summary is null ? DBNull.Value : summary.Mean;
        parameters[1].Value = summary is null ? DBNull.Value : summary.Min;
        parameters[2].Value = summary is null ? DBNull.Value : summary.Max;
        parameters[3].Value = summary?.Count ?? 0;
    }

    private static void AddSummary(DbCommand command, string side, PowerSummary? summary)
    {
        command.Add($"@{side}_mean", summary?.Mean);
        command.Add($"@{side}_min", summary?.Min);
        command.Add($"@{side}_max", summary?.Max);
        command.Add($"@{side}_count", summary?.Count ?? 0);
    }
}
