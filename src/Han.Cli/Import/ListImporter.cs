using Han.Live;
using Han.Live.Fanout;
using Han.Pipeline;
using Han.Readings;
using Han.Storage;
using Han.Sources.Live;

namespace Han.Cli.Import;

/// <summary>
/// Decodes the bytes of inputs being imported (han capture pieces with receive times, or raw bytes) with
/// the decoder options of <c>han decode</c>, and hands each list with its time to <see cref="HistoryImport"/>
/// under the meter's name. Without a name given, the meter is named by the id its lists state; the lists
/// before the first that states one (Aidon's 2.5-s lists carry none) wait for it.
/// </summary>
internal sealed class ListImporter : IDisposable
{
    /// <summary>Lists that may wait for the meter's id before the meter is named <see cref="FallbackName"/>.</summary>
    private const int MostWaiting = 10_000;

    public const string FallbackName = "meter";

    private readonly HistoryImport _history;
    private readonly DecoderOptions _decoding;
    private readonly ListTime _time;
    private readonly MeterState _state;
    private readonly List<MeterReading> _waiting = [];
    private readonly ImportedReadings _found = new();
    private StreamDecoder? _decoder;
    private string? _meter;

    public ListImporter(HistoryImport history, DecoderOptions decoding, MeterStateOptions meter, TimeZoneInfo zone, string? meterName)
    {
        _history = history;
        _decoding = decoding;
        _time = new ListTime(zone);
        _state = new MeterState(meter);
        _meter = meterName;
    }

    /// <summary>The meter's name: given, or told by its lists (null until then).</summary>
    public string? Meter => _meter;

    public long Lists { get; private set; }

    /// <summary>Lists of a raw input that had no receive time and no meter clock: not imported.</summary>
    public long WithoutTime { get; private set; }

    public long Problems { get; private set; }

    public long ChecksumErrors { get; private set; }

    public long DiscardedBytes { get; private set; }

    /// <summary>Starts an input: it does not continue the one before.</summary>
    public void BeginInput() => _decoder = new StreamDecoder(_found, _decoding);

    public async ValueTask AddAsync(ReceivedChunk chunk, CancellationToken cancellationToken)
    {
        Decoder.Add(chunk);
        await TakeReadingsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Raw bytes without a receive time: each list is timed by the meter's clock.</summary>
    public async ValueTask AddAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Decoder.Add(bytes.Span);
        await TakeReadingsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the input: what its last bytes hold is decoded, its counters added up.</summary>
    public async ValueTask EndInputAsync(CancellationToken cancellationToken)
    {
        var decoder = Decoder;
        decoder.End();
        await TakeReadingsAsync(cancellationToken).ConfigureAwait(false);
        Problems += decoder.Counters.Problems;
        ChecksumErrors += decoder.Counters.Framing.ChecksumErrors;
        DiscardedBytes += decoder.Counters.Framing.DiscardedBytes;
        decoder.Dispose();
        _decoder = null;
    }

    /// <summary>The end of the import: lists still waiting for the meter's id go under <see cref="FallbackName"/>.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        _meter ??= FallbackName;
        await FlushWaitingAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _decoder?.Dispose();

    private StreamDecoder Decoder => _decoder ?? throw new InvalidOperationException("BeginInput first");

    private async ValueTask TakeReadingsAsync(CancellationToken cancellationToken)
    {
        foreach (var reading in _found.Found)
        {
            if (_time.Of(reading) is not { } at)
            {
                WithoutTime++;
                continue;
            }

            reading.Received = at;
            Lists++;
            if (_meter is null)
            {
                _meter = reading.MeterId ?? (_waiting.Count >= MostWaiting ? FallbackName : null);
                if (_meter is null)
                {
                    _waiting.Add(reading);
                    continue;
                }

                await FlushWaitingAsync(cancellationToken).ConfigureAwait(false);
            }

            await _history.AddAsync(new ReadingMade(_meter, at, _state.Add(reading)), cancellationToken).ConfigureAwait(false);
        }

        _found.Clear();
    }

    private async ValueTask FlushWaitingAsync(CancellationToken cancellationToken)
    {
        foreach (var reading in _waiting)
        {
            await _history.AddAsync(new ReadingMade(_meter!, reading.Received!.Value, _state.Add(reading)), cancellationToken).ConfigureAwait(false);
        }

        _waiting.Clear();
    }
}
