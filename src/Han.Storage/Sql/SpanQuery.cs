using System.Data.Common;

namespace Han.Storage.Sql;

/// <summary>
/// The span of what is stored, over every meter: the earliest start and the latest end of the lists,
/// the minutes and the hour aggregates. Asked per meter, so that each MIN and MAX is one step along the
/// table's (meter, time) key instead of a scan of the table.
/// </summary>
internal static class SpanQuery
{
    private const string Sql = """
        SELECT MIN(first_ms), MAX(last_ms) FROM (
            SELECT (SELECT MIN(received) FROM raw_lists r WHERE r.meter = m.id) AS first_ms,
                   (SELECT MAX(received) FROM raw_lists r WHERE r.meter = m.id) AS last_ms FROM meters m
            UNION ALL
            SELECT (SELECT MIN(minute_start) FROM minute_power p WHERE p.meter = m.id),
                   (SELECT MAX(minute_start) FROM minute_power p WHERE p.meter = m.id) + 60000 FROM meters m
            UNION ALL
            SELECT (SELECT MIN(period_start) FROM energy_aggregates a WHERE a.meter = m.id AND a.resolution = 'hour'),
                   (SELECT MAX(period_start) FROM energy_aggregates a WHERE a.meter = m.id AND a.resolution = 'hour') + 3600000 FROM meters m
        ) spans
        """;

    public static async Task<HistorySpan?> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0) || reader.IsDBNull(1))
        {
            return null;
        }

        return new HistorySpan(StoreTime.FromStored(reader.GetInt64(0)), StoreTime.FromStored(reader.GetInt64(1)));
    }
}
