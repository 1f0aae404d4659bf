using System.Data.Common;
using System.Globalization;
using Han.Live;

namespace Han.Storage.Sql;

/// <summary>The <c>meters</c> table: a meter's row by its configured name, made on its first list, its identity kept up to date.</summary>
internal static class MeterTable
{
    /// <summary>The meter's id, its identity updated with what <paramref name="identity"/> knows (unknown parts keep the stored ones).</summary>
    public static async Task<int> UpsertAsync(DbConnection connection, DbTransaction transaction, string name, MeterIdentity identity, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO meters (name, meter_id, meter_manufacturer, meter_type, list_version)
            VALUES (@name, @meter_id, @manufacturer, @type, @list_version)
            ON CONFLICT (name) DO UPDATE SET
                meter_id = COALESCE(excluded.meter_id, meters.meter_id),
                meter_manufacturer = COALESCE(excluded.meter_manufacturer, meters.meter_manufacturer),
                meter_type = COALESCE(excluded.meter_type, meters.meter_type),
                list_version = COALESCE(excluded.list_version, meters.list_version)
            RETURNING id
            """;
        command.Add("@name", name);
        command.Add("@meter_id", identity.MeterId);
        command.Add("@manufacturer", identity.Manufacturer);
        command.Add("@type", identity.MeterType);
        command.Add("@list_version", identity.ListVersion);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The meter's id, or null when the store has never seen it.</summary>
    public static async Task<int?> FindAsync(DbConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM meters WHERE name = @name";
        command.Add("@name", name);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is null or DBNull ? null : Convert.ToInt32(id, CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<StoredMeter>> ReadAllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, meter_id, meter_manufacturer, meter_type, list_version FROM meters ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var meters = new List<StoredMeter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            meters.Add(new StoredMeter(reader.GetString(0), reader.NullableString(1), reader.NullableString(2), reader.NullableString(3), reader.NullableString(4)));
        }

        return meters;
    }
}
