using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Han.Live.Fanout;
using Han.Readings.Json;

namespace Han.Storage.Sql;

/// <summary>
/// Writes raw lists with one prepared command per transaction. A list already stored (same meter,
/// same receive time: the same capture imported twice) is left as it is and not counted again.
/// </summary>
internal sealed class ListWriter : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter _meter;
    private readonly DbParameter _received;
    private readonly DbParameter _meterTime;
    private readonly DbParameter _reading;
    private readonly ReadingJsonWriter _json = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public ListWriter(DbConnection connection, DbTransaction transaction)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO raw_lists (meter, received, meter_time, reading) VALUES (@meter, @received, @meter_time, @reading) ON CONFLICT DO NOTHING";
        _meter = _insert.Add("@meter", 0);
        _received = _insert.Add("@received", 0L);
        _meterTime = _insert.Add("@meter_time", string.Empty);
        _reading = _insert.Add("@reading", string.Empty);
    }

    /// <summary>Stores the list; false when it was stored before.</summary>
    public async Task<bool> WriteAsync(int meter, ReadingMade made, CancellationToken cancellationToken)
    {
        var reading = made.Reading.Reading;
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, ReadingJsonWriter.Options))
        {
            _json.Write(writer, reading);
        }

        _meter.Value = meter;
        _received.Value = StoreTime.ToStored(made.At);
        _meterTime.Value = reading.MeterTime is { } clock ? clock.ToString() : DBNull.Value;
        _reading.Value = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        return await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
