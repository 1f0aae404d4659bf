using Han.Storage.Queries;

namespace Han.Cli.Export;

/// <summary>
/// A range cut into pieces that are read from the store one at a time, so that han export holds one
/// piece in memory and not the whole range: a month of raw lists is a million of them (several hundred
/// MB as objects), more than a Raspberry Pi can spare.
/// </summary>
internal static class ExportChunks
{
    /// <summary>A day of raw lists: 34,560 lists of an Aidon at 2.5 s, a few MB.</summary>
    public static readonly TimeSpan ListChunk = TimeSpan.FromDays(1);

    /// <summary>A week of minutes: 10,080 rows.</summary>
    public static readonly TimeSpan MinuteChunk = TimeSpan.FromDays(7);

    /// <summary>[From, To) in consecutive pieces of at most <paramref name="length"/>, oldest first; together exactly the range.</summary>
    public static IEnumerable<HistoryRange> Of(HistoryRange range, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(range);
        for (var from = range.From; from < range.To; from += length)
        {
            var to = range.To - from > length ? from + length : range.To;
            yield return new HistoryRange(from, to);
        }
    }

    /// <summary>Reads each piece with <paramref name="read"/> and hands on its rows in order.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(HistoryRange range, TimeSpan length, Func<HistoryRange, Task<IReadOnlyList<T>>> read)
    {
        foreach (var piece in Of(range, length))
        {
            foreach (var row in await read(piece).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
