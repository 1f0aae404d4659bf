using System.Data.Common;

namespace Han.Storage.Sql;

/// <summary>The <c>spot_prices</c> table: one row per zone and interval start, replaced when written again.</summary>
internal static class PriceTable
{
    public static async Task WriteAsync(DbConnection connection, string zone, IReadOnlyList<StoredPrice> prices, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO spot_prices (zone, period_start, period_end, nok_per_kwh, source, fetched_at)
                VALUES (@zone, @start, @end, @price, @source, @fetched)
                ON CONFLICT (zone, period_start) DO UPDATE SET
                    period_end = excluded.period_end, nok_per_kwh = excluded.nok_per_kwh, source = excluded.source, fetched_at = excluded.fetched_at
                """;
            command.Add("@zone", zone);
            var start = command.Add("@start", 0L);
            var end = command.Add("@end", 0L);
            var price = command.Add("@price", 0m);
            var source = command.Add("@source", string.Empty);
            var fetched = command.Add("@fetched", 0L);
            foreach (var row in prices)
            {
                start.Value = StoreTime.ToStored(row.Start);
                end.Value = StoreTime.ToStored(row.End);
                price.Value = row.NokPerKwh;
                source.Value = row.Source;
                fetched.Value = StoreTime.ToStored(row.FetchedAt);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<StoredPrice>> ReadAsync(DbConnection connection, string zone, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT period_start, period_end, nok_per_kwh, source, fetched_at FROM spot_prices
            WHERE zone = @zone AND period_start >= @from AND period_start < @to
            ORDER BY period_start
            """;
        command.Add("@zone", zone);
        command.Add("@from", from);
        command.Add("@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var prices = new List<StoredPrice>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            prices.Add(new StoredPrice(
                StoreTime.FromStored(reader.GetInt64(0)),
                StoreTime.FromStored(reader.GetInt64(1)),
                reader.GetDecimal(2),
                reader.GetString(3),
                StoreTime.FromStored(reader.GetInt64(4))));
        }

        return prices;
    }
}
