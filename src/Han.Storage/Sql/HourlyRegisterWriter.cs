using System.Data.Common;
using Han.Live.Fanout;
using Han.Readings;

namespace Han.Storage.Sql;

/// <summary>
/// Writes the cumulative registers of the lists that carry them (the hourly list) to
/// <c>hourly_registers</c>, with one prepared command per transaction. Kept for ever, apart from the
/// raw lists, so the aggregates can be recomputed after the lists are pruned.
/// </summary>
internal sealed class HourlyRegisterWriter : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter _meter;
    private readonly DbParameter _received;
    private readonly DbParameter _meterClock;
    private readonly DbParameter _import;
    private readonly DbParameter _export;

    public HourlyRegisterWriter(DbConnection connection, DbTransaction transaction)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO hourly_registers (meter, received, meter_clock, import_mwh, export_mwh) VALUES (@meter, @received, @meter_clock, @import, @export) ON CONFLICT DO NOTHING";
        _meter = _insert.Add("@meter", 0);
        _received = _insert.Add("@received", 0L);
        _meterClock = _insert.Add("@meter_clock", string.Empty);
        _import = _insert.Add("@import", 0L);
        _export = _insert.Add("@export", 0L);
    }

    /// <summary>Stores the list's registers when it has the import register; other lists are left out.</summary>
    public async Task WriteAsync(int meter, ReadingMade made, CancellationToken cancellationToken)
    {
        var reading = made.Reading.Reading;
        if (reading[ReadingField.ActiveEnergyImport] is not { } import)
        {
            return;
        }

        _meter.Value = meter;
        _received.Value = StoreTime.ToStored(made.At);
        _meterClock.Value = reading.MeterTime is { } clock ? clock.ToString() : DBNull.Value;
        _import.Value = EnergyUnits.ToStored(import)!.Value;
        _export.Value = EnergyUnits.ToStored(reading[ReadingField.ActiveEnergyExport]) is { } export ? export : DBNull.Value;
        await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
