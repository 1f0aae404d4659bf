using System.Globalization;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary>
/// How long a range one energy request may cover, by resolution, so that no request makes han read and
/// send an unbounded answer on a Raspberry Pi: a quarter of quarter-hours (8,928 periods), two years of
/// hours (17,544); days and months are few enough for any range. A range may be an hour longer than its
/// cap, so that a calendar quarter or year with an autumn DST change still fits.
/// </summary>
internal static class EnergyRangeCap
{
    private static readonly TimeSpan DstSlack = TimeSpan.FromHours(1);

    public static TimeSpan? For(AggregateResolution resolution) => resolution switch
    {
        AggregateResolution.FifteenMinutes => TimeSpan.FromDays(93),
        AggregateResolution.Hour => TimeSpan.FromDays(731),
        _ => null,
    };

    /// <summary>Null when the range is within the cap, else why not, with what to ask instead.</summary>
    public static string? Check(AggregateResolution resolution, HistoryRange range)
    {
        if (For(resolution) is not { } cap || range.Length <= cap + DstSlack)
        {
            return null;
        }

        var coarser = resolution == AggregateResolution.FifteenMinutes ? "hour" : "day";
        return Invariant($"resolution={resolution.ToName()} answers at most {cap.TotalDays:0} days, and from..to is {range.Length.TotalDays:0.#} days: ask for a shorter range, or resolution={coarser}");
    }

    /// <summary>Within <paramref name="cap"/> (and its DST hour), or why not.</summary>
    public static string? Check(HistoryRange range, TimeSpan cap, string what) =>
        range.Length <= cap + DstSlack
            ? null
            : Invariant($"{what} answers at most {cap.TotalDays:0} days, and from..to is {range.Length.TotalDays:0.#} days: ask for a shorter range");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
