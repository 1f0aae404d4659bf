using System.Globalization;
using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// Turns one register of one meter (active energy import, say) into hourly statistic rows (integrations.md
/// §1.9, the one-hour offset problem): the register at meter clock hh:00 closes the hour (hh−1):00, whose
/// energy is the difference to the register at (hh−1):00. Pure: no clock, no I/O; decimal throughout.
/// <list type="bullet">
/// <item>The hour comes from the meter's clock and the zone (<see cref="MeterHour"/>); the hour that comes
/// twice when summer time ends is told apart by following the clock through the lists between the hourly
/// ones that carry it (<see cref="See"/>; Kamstrup, Kaifa), and by the register itself: an Aidon sends its
/// clock only in the hourly list, and a second 02:00 with a register that moved is the next hour, not the
/// list sent again. (An hour without any consumption there looks like a repeat; the next register then
/// shares its two hours out evenly, the gap rule below.)</item>
/// <item>The first register only starts the count: the hour before it has no start register. A builder
/// resumed from where an earlier run of han stopped (<see cref="ResumeFrom"/>) has one: its first register
/// closes the hours since, by the rules below, as if han had never stopped.</item>
/// <item>A repeat (another list, or a P1 telegram, in the same first minute of the hour) closes nothing twice.</item>
/// <item>A gap (hourly lists lost for up to <see cref="MaxSpreadHours"/> hours): the difference is shared
/// out evenly over the hours of the gap, to the watt-hour, the last hour taking the remainder, so the sum
/// stays exact and no single hour shows the whole gap's energy at one hour's price. Longer gaps, a register
/// that goes down (a new meter) or a clock that goes back start the count again: their energy is left out.</item>
/// </list>
/// </summary>
public sealed class HourlyStatisticsBuilder(TimeZoneInfo zone)
{
    /// <summary>The longest gap whose energy is shared out over its hours; a day, beyond which an even share says too little.</summary>
    public const int MaxSpreadHours = 24;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly TimeZoneInfo _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    private DateTimeOffset? _lastSeen;
    private DateTimeOffset? _lastBoundary;
    private decimal _lastRegister;
    private decimal _sum;

    /// <summary>The running total of every hour closed so far (kWh).</summary>
    public decimal Sum => _sum;

    /// <summary>The last hourly register taken (the end of the last hour closed, or the start of the count); null before the first.</summary>
    public StatisticPosition? Position => _lastBoundary is { } boundary ? new StatisticPosition(boundary, _lastRegister, _sum) : null;

    /// <summary>
    /// Goes on from <paramref name="position"/>, where an earlier run stopped: the next hourly register
    /// closes the hours since it (one hour, a gap shared out, or a new start with a note when the gap is too
    /// long, the register went down or the clock went back). Only before the first register.
    /// </summary>
    public void ResumeFrom(StatisticPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (_lastBoundary is not null)
        {
            throw new InvalidOperationException("A builder resumes only before its first register.");
        }

        _lastBoundary = position.Boundary.ToUniversalTime();
        _lastRegister = position.Register;
        _sum = position.Sum;
    }

    /// <summary>
    /// Follows the meter's clock in a reading without the register (list 1 and 2), so that the hour that
    /// comes twice when summer time ends is told apart from a list sent twice.
    /// </summary>
    public void See(MeterClock clock, DateTimeOffset received) => Follow(clock, _lastSeen - MeterHour.RepeatAllowance, received);

    /// <summary>Takes a register reading with the meter's clock and the time han received it.</summary>
    public HourlyStep Add(MeterClock clock, decimal register, DateTimeOffset received)
    {
        // A register that moved is a new hour's, not the last one's sent again: it comes after the last boundary.
        var notBefore = _lastSeen - MeterHour.RepeatAllowance;
        if (_lastBoundary is { } previous && register != _lastRegister && (notBefore is null || previous >= notBefore))
        {
            notBefore = previous.AddTicks(1);
        }

        var instant = Follow(clock, notBefore, received);
        if (clock.Local.Minute != 0)
        {
            return HourlyStep.Nothing; // read later in the hour: not the end of an hour
        }

        var boundary = instant - (clock.Local.TimeOfDay - TimeSpan.FromHours(clock.Local.Hour));

        if (_lastBoundary is not { } last)
        {
            Restart(boundary, register);
            return HourlyStep.Nothing;
        }

        if (boundary == last)
        {
            return HourlyStep.Nothing; // the same hour again: its row was made by the first
        }

        var hours = (int)((boundary - last).Ticks / Hour.Ticks);
        var difference = register - _lastRegister;
        string? problem = null;
        if (boundary < last)
        {
            problem = $"the meter clock went back from {Local(last)} to {Local(boundary)}";
        }
        else if (difference < 0)
        {
            problem = $"the register went down from {Text(_lastRegister)} to {Text(register)} (a new or reset meter?)";
        }
        else if (hours > MaxSpreadHours)
        {
            problem = $"no hourly register came for {hours} hours (from {Local(last)} to {Local(boundary)}); the {Text(difference)} of that time are left out";
        }

        if (problem is not null)
        {
            Restart(boundary, register);
            return new HourlyStep([], problem + "; the hourly statistics count on from here");
        }

        var rows = new List<StatisticRow>(hours);
        var share = hours == 1 ? difference : Math.Round(difference / hours, 3, MidpointRounding.ToZero);
        for (var i = 0; i < hours; i++)
        {
            var state = i == hours - 1 ? difference - (share * (hours - 1)) : share;
            _sum += state;
            rows.Add(new StatisticRow(TimeZoneInfo.ConvertTime(last + (Hour * i), _zone), state, _sum, hours > 1));
        }

        _lastBoundary = boundary;
        _lastRegister = register;
        return new HourlyStep(rows, null);
    }

    private DateTimeOffset Follow(MeterClock clock, DateTimeOffset? notBefore, DateTimeOffset received)
    {
        var instant = MeterHour.InstantOf(clock, _zone, notBefore, received);
        _lastSeen = instant;
        return instant;
    }

    private void Restart(DateTimeOffset boundary, decimal register)
    {
        _lastBoundary = boundary;
        _lastRegister = register;
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>kWh without the trailing zeros of the register's scale (1000 kWh, not 1000.000 kWh).</summary>
    private static string Text(decimal kilowattHours) => (kilowattHours / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) + " kWh";
}
