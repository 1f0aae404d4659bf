using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Han.Live.Fanout;
using Han.Readings.Json;

namespace Han.Storage.Sql;

/// <summary>
/// Writes raw lists with prepared commands, per transaction. A list already stored (same meter, same
/// receive time, same content: the same capture imported twice) is left as it is and not counted again.
/// Two different lists with the same receive time (both came in one read of the line, which stamps one
/// time) are both kept: the later one a millisecond on, as often as needed (up to <see cref="MaxShift"/>).
/// </summary>
internal sealed class ListWriter : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter _meter;
    private readonly DbParameter _received;
    private readonly DbParameter _meterTime;
    private readonly DbParameter _reading;
    private readonly DbCommand _stored;
    private readonly DbParameter _storedMeter;
    private readonly DbParameter _storedReceived;
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
        _stored = connection.CreateCommand();
        _stored.Transaction = transaction;
        _stored.CommandText = "SELECT reading FROM raw_lists WHERE meter = @meter AND received = @received";
        _storedMeter = _stored.Add("@meter", 0);
        _storedReceived = _stored.Add("@received", 0L);
    }

    /// <summary>The most milliseconds a list is moved on from its receive time to make room beside others of the same time.</summary>
    public const int MaxShift = 1000;

    /// <summary>Stores the list; its receive time as stored (Unix ms), or null when it was stored before.</summary>
    public async Task<long?> WriteAsync(int meter, ReadingMade made, CancellationToken cancellationToken)
    {
        var reading = made.Reading.Reading;
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, ReadingJsonWriter.Options))
        {
            _json.Write(writer, reading);
        }

        var json = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        _meter.Value = meter;
        _meterTime.Value = reading.MeterTime is { } clock ? clock.ToString() : DBNull.Value;
        _reading.Value = json;
        var received = StoreTime.ToStored(made.At);
        for (var shift = 0; shift <= MaxShift; shift++, received++)
        {
            _received.Value = received;
            if (await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return received;
            }

            _storedMeter.Value = meter;
            _storedReceived.Value = received;
            if (await _stored.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string stored && stored == json)
            {
                return null;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync().ConfigureAwait(false);
        await _stored.DisposeAsync().ConfigureAwait(false);
    }
}
