using System.Data.Common;
using Han.Live.Fanout;
using Han.Storage.Aggregation;
using Han.Storage.Schema;
using Han.Trust;

namespace Han.Storage.Sql;

/// <summary>
/// The history store on a SQL database: the same statements for SQLite and PostgreSQL (both take
/// <c>ON CONFLICT</c> and <c>RETURNING</c>); what differs is how a connection is opened and the schema
/// scripts (<see cref="StoreDialect"/>). Each call opens a connection from the driver's pool.
/// </summary>
internal abstract class SqlHistoryStore : IHistoryStore, IPriceStore
{
    /// <summary>Where the store is, for messages (a file path, or a PostgreSQL host and database; never a password).</summary>
    protected abstract string Where { get; }

    protected abstract StoreDialect Dialect { get; }

    public abstract StoreDescription Description { get; }

    /// <summary>An open connection, set up for this store (SQLite: synchronous=NORMAL and a busy timeout).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Brings the schema up to date; called once when the store is opened.</summary>
    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SchemaMigrator.MigrateAsync(connection, Dialect, Where, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version the store has now.</summary>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SchemaMigrator.ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> WriteAsync(IReadOnlyList<ReadingMade> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var meters = new Dictionary<string, int>(StringComparer.Ordinal);
        var minutes = new MinuteBatch();
        var stored = 0;
        await using (var lists = new ListWriter(connection, transaction))
        await using (var registers = new HourlyRegisterWriter(connection, transaction))
        {
            foreach (var made in readings)
            {
                if (!meters.TryGetValue(made.Meter, out var meter))
                {
                    // The identity as the batch's last list of this meter knows it (list 1 of some meters carries none).
                    var identity = readings.Last(later => later.Meter == made.Meter).Reading.Identity;
                    meter = await MeterTable.UpsertAsync(connection, transaction, made.Meter, identity, cancellationToken).ConfigureAwait(false);
                    meters[made.Meter] = meter;
                }

                if (await lists.WriteAsync(meter, made, cancellationToken).ConfigureAwait(false) is { } received)
                {
                    stored++;
                    minutes.Add(meter, StoreTime.FromStored(received), made.Reading.Reading);
                    await registers.WriteAsync(meter, received, made, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await MinutePowerTable.MergeAsync(connection, transaction, minutes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<int> WriteImportedAsync(string meter, Live.MeterIdentity identity, IReadOnlyList<MinutePower> minutes, IReadOnlyList<ReadingMade> registerLists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(registerLists);
        if (minutes.Count == 0 && registerLists.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = await MeterTable.UpsertAsync(connection, transaction, meter, identity, cancellationToken).ConfigureAwait(false);
        var written = await MinutePowerTable.WriteSummedAsync(connection, transaction, id, minutes, cancellationToken).ConfigureAwait(false);
        await using (var registers = new HourlyRegisterWriter(connection, transaction))
        {
            foreach (var list in registerLists)
            {
                await registers.WriteAsync(id, StoreTime.ToStored(list.At), list, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task<IReadOnlyList<StoredMeter>> ReadMetersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MeterTable.ReadAllAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredList>> ReadListsAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await MeterTable.FindAsync(connection, meter, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT received, meter_time, reading FROM raw_lists WHERE meter = @meter AND received >= @from AND received < @to ORDER BY received";
        command.Add("@meter", id);
        command.Add("@from", StoreTime.ToStored(from));
        command.Add("@to", StoreTime.ToStored(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lists = new List<StoredList>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lists.Add(new StoredList(meter, StoreTime.FromStored(reader.GetInt64(0)), reader.NullableString(1), reader.GetString(2)));
        }

        return lists;
    }

    public async Task<IReadOnlyList<MinutePower>> ReadMinutePowerAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MeterTable.FindAsync(connection, meter, cancellationToken).ConfigureAwait(false) is { } id
            ? await MinutePowerTable.ReadAsync(connection, meter, id, StoreTime.ToStored(from), StoreTime.ToStored(to), cancellationToken).ConfigureAwait(false)
            : [];
    }

    public async Task<IReadOnlyList<HourlyRegisterReading>> ReadHourlyRegistersAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MeterTable.FindAsync(connection, meter, cancellationToken).ConfigureAwait(false) is { } id
            ? await HourlyRegisterTable.ReadAsync(connection, id, StoreTime.ToStored(from), StoreTime.ToStored(to), cancellationToken).ConfigureAwait(false)
            : [];
    }

    public async Task UpsertAggregatesAsync(IReadOnlyList<EnergyAggregate> aggregates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var meters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var aggregate in aggregates)
        {
            if (!meters.TryGetValue(aggregate.Meter, out var meter))
            {
                meter = await MeterTable.UpsertAsync(connection, transaction, aggregate.Meter, Live.MeterIdentity.Unknown, cancellationToken).ConfigureAwait(false);
                meters[aggregate.Meter] = meter;
            }

            await AggregateTable.UpsertAsync(connection, transaction, meter, aggregate, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EnergyAggregate>> ReadAggregatesAsync(string meter, AggregateResolution resolution, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MeterTable.FindAsync(connection, meter, cancellationToken).ConfigureAwait(false) is { } id
            ? await AggregateTable.ReadAsync(connection, meter, id, resolution, StoreTime.ToStored(from), StoreTime.ToStored(to), cancellationToken).ConfigureAwait(false)
            : [];
    }

    public async Task<HistorySpan?> ReadSpanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SpanQuery.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> PruneListsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Per meter, so the (meter, received) index serves the delete without an index of its own on received.
        command.CommandText = "DELETE FROM raw_lists WHERE meter IN (SELECT id FROM meters) AND received < @before";
        command.Add("@before", StoreTime.ToStored(before));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CompactRegistersAsync(string meter, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await MeterTable.FindAsync(connection, meter, cancellationToken).ConfigureAwait(false) is not { } id
            || await HourlyRegisterTable.EarliestAsync(connection, id, cancellationToken).ConfigureAwait(false) is not { } earliest)
        {
            return 0;
        }

        long deleted = 0;
        foreach (var (from, to) in RegisterCompaction.Pieces(StoreTime.FromStored(earliest), before))
        {
            var (fromStored, toStored) = (StoreTime.ToStored(from), StoreTime.ToStored(to));
            var registers = await HourlyRegisterTable.ReadAsync(connection, id, fromStored, toStored, cancellationToken).ConfigureAwait(false);
            var kept = DenseRegisters.NearestToEachHour(registers);
            if (kept.Count < registers.Count)
            {
                deleted += await HourlyRegisterTable.DeleteAllButAsync(connection, id, fromStored, toStored, [.. kept.Select(r => StoreTime.ToStored(r.ReceivedUtc))], cancellationToken).ConfigureAwait(false);
            }
        }

        return deleted;
    }

    public async Task WritePricesAsync(string zone, IReadOnlyList<StoredPrice> prices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prices);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PriceTable.WriteAsync(connection, zone, prices, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredPrice>> ReadPricesAsync(string zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PriceTable.ReadAsync(connection, zone, StoreTime.ToStored(from), StoreTime.ToStored(to), cancellationToken).ConfigureAwait(false);
    }

    public abstract ValueTask DisposeAsync();
}
