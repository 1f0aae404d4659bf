using System.Globalization;

namespace Han.Trust;

/// <summary>
/// Places each hourly list on the hour boundary its registers were captured at, and drops repeats.
/// The meter's clock says which hour it is (read in the configured zone; in the repeated hour of a
/// DST change, the reading of the two that is nearer the receive time); when that clock is further from
/// the receive time than allowed, the host's clock (NTP) labels the hour instead and both hours around
/// the boundary are flagged. A list with the same meter clock as the one before it (the Aidon quirk of
/// resending the last hour's list with the same registers, specs/norway-lists.md §3), or a list for an
/// hour already filled, is ignored.
/// </summary>
internal static class RegisterLabeller
{
    public static IReadOnlyList<LabelledRegister> Label(
        IEnumerable<HourlyRegisterReading> readings, TrustOptions options, FlagBook flags)
    {
        var byBoundary = new SortedDictionary<DateTimeOffset, LabelledRegister>();
        HourlyRegisterReading? last = null;
        DateTimeOffset? lastBoundary = null;
        foreach (var reading in readings.OrderBy(r => r.ReceivedUtc))
        {
            var receivedHour = HourMath.Nearest(reading.ReceivedUtc) - HourMath.Hour;
            if (IsRepeat(reading, last, lastBoundary, options))
            {
                flags.Add(receivedHour, HourFlagKind.RepeatedList, Invariant(
                    $"the list received at {reading.ReceivedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z repeats the meter clock {reading.MeterClock:yyyy-MM-dd HH:mm:ss} and the registers of the list before it; ignored"));
                continue;
            }

            var boundary = Boundary(reading, options, flags);
            if (byBoundary.ContainsKey(boundary))
            {
                flags.Add(boundary - HourMath.Hour, HourFlagKind.RepeatedList, Invariant(
                    $"a second list for {boundary.UtcDateTime:yyyy-MM-dd HH:mm}Z came at {reading.ReceivedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z; the first one is kept"));
                continue;
            }

            byBoundary[boundary] = new LabelledRegister(boundary, reading.Import, reading.Export);
            last = reading;
            lastBoundary = boundary;
        }

        return [.. byBoundary.Values];
    }

    /// <summary>
    /// The same clock and the same registers as the list before: the meter sent that list again. Except
    /// in the hour a DST change repeats, where the same local clock is rightly sent twice (and the
    /// registers stay equal when nothing was used): then the receive time tells the two apart.
    /// </summary>
    private static bool IsRepeat(HourlyRegisterReading reading, HourlyRegisterReading? last, DateTimeOffset? lastBoundary, TrustOptions options)
    {
        if (last is null || reading.MeterClock is not { } clock || last.MeterClock != clock
            || last.Import != reading.Import || last.Export != reading.Export)
        {
            return false;
        }

        var local = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        return !(options.Zone.IsAmbiguousTime(local)
            && MeterClockInUtc(clock, options.Zone, reading.ReceivedUtc) is { } utc
            && (utc - reading.ReceivedUtc).Duration() <= options.MaxClockDrift
            && HourMath.Nearest(utc) != lastBoundary);
    }

    private static DateTimeOffset Boundary(HourlyRegisterReading reading, TrustOptions options, FlagBook flags)
    {
        if (reading.MeterClock is not { } clock)
        {
            return HourMath.Nearest(reading.ReceivedUtc);
        }

        var meterUtc = MeterClockInUtc(clock, options.Zone, reading.ReceivedUtc);
        if (meterUtc is { } utc && (utc - reading.ReceivedUtc).Duration() <= options.MaxClockDrift)
        {
            return HourMath.Nearest(utc);
        }

        var boundary = HourMath.Nearest(reading.ReceivedUtc);
        var reason = meterUtc is { } drifted
            ? Invariant($"the meter clock {clock:yyyy-MM-dd HH:mm:ss} is {(drifted - reading.ReceivedUtc).TotalMinutes:0.#} min from the receive time {reading.ReceivedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (more than {options.MaxClockDrift.TotalMinutes:0.#} min allowed); the register is placed by the receive time")
            : Invariant($"the meter clock {clock:yyyy-MM-dd HH:mm:ss} does not exist in {options.Zone.Id} (skipped by the change to summer time); the register is placed by the receive time");
        flags.Add(boundary - HourMath.Hour, HourFlagKind.ClockDrift, reason);
        flags.Add(boundary, HourFlagKind.ClockDrift, reason);
        return boundary;
    }

    /// <summary>The meter's local clock in UTC: of the offsets the zone allows, the one nearest the receive time.</summary>
    private static DateTimeOffset? MeterClockInUtc(DateTime clock, TimeZoneInfo zone, DateTimeOffset receivedUtc)
    {
        var local = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
        return offsets
            .Select(offset => new DateTimeOffset(local, offset).ToUniversalTime())
            .OrderBy(utc => (utc - receivedUtc).Duration())
            .First();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
