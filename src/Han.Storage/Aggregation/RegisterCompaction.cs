namespace Han.Storage.Aggregation;

/// <summary>
/// The pieces <see cref="IHistoryStore.CompactRegistersAsync"/> thins one at a time: whole UTC days that
/// begin and end at half past an hour. <see cref="DenseRegisters"/> groups registers by the hour boundary
/// they are nearest to, so a seam at half past never cuts a group in two (which would keep two registers
/// for one boundary, one on each side). Only whole pieces before the given instant are taken.
/// </summary>
internal static class RegisterCompaction
{
    private static readonly TimeSpan Piece = TimeSpan.FromDays(1);
    private static readonly TimeSpan Seam = TimeSpan.FromMinutes(30);

    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Pieces(DateTimeOffset earliest, DateTimeOffset before)
    {
        var from = SeamAtOrBefore(earliest);
        for (var to = from + Piece; to <= before; from = to, to += Piece)
        {
            yield return (from, to);
        }
    }

    /// <summary>The last 00:30 UTC at or before <paramref name="time"/>.</summary>
    private static DateTimeOffset SeamAtOrBefore(DateTimeOffset time)
    {
        var seam = new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero) + Seam;
        return seam <= time ? seam : seam - Piece;
    }
}
