using Han.Costs;

namespace Han.Integrations.Costs;

/// <summary>
/// Whether the hour under way is projected to raise the month's capacity step: its projection to the end
/// of the hour reaches what the headroom allows (projected ≥ so far + headroom). Cleared when the
/// projection falls back below, and when the hour ends (a new hour starts clear and is judged on its own).
/// Told to the log once per hour at most, however often it comes and goes within the hour.
/// </summary>
public sealed class StepAlert
{
    private DateTimeOffset? _onIn;
    private DateTimeOffset? _loggedIn;

    /// <summary>On now (for the hour <see cref="CurrentHour.Start"/>)?</summary>
    public bool IsOn => _onIn is not null;

    /// <summary>Whether <paramref name="hour"/> is at risk with <paramref name="headroomKwh"/> left; never on the top step or without a capacity charge (no headroom).</summary>
    public static bool AtRisk(CurrentHour hour, decimal? headroomKwh)
    {
        ArgumentNullException.ThrowIfNull(hour);
        return headroomKwh is { } headroom && hour.ProjectedKwh >= hour.ImportKwh + headroom;
    }

    /// <summary>Takes the newest projection; says whether the alert went on or off, and whether to log it (its first time on in this hour).</summary>
    public StepAlertChange Update(CurrentHour hour, decimal? headroomKwh)
    {
        ArgumentNullException.ThrowIfNull(hour);
        var atRisk = AtRisk(hour, headroomKwh);
        var previous = _onIn;
        _onIn = atRisk ? hour.Start : null;
        if (previous is { } onIn && onIn != hour.Start)
        {
            // The alert's hour is over: cleared with it; a new hour at risk at once is raised for itself (its message names its hour).
            return atRisk ? StepAlertChange.Raised(Log(hour.Start)) : StepAlertChange.HourEnded;
        }

        if (atRisk == previous is not null)
        {
            return StepAlertChange.None; // still on in this hour, or still off
        }

        return atRisk ? StepAlertChange.Raised(Log(hour.Start)) : StepAlertChange.Cleared;
    }

    private bool Log(DateTimeOffset hour)
    {
        if (_loggedIn == hour)
        {
            return false;
        }

        _loggedIn = hour;
        return true;
    }
}

/// <summary>What a projection did to the alert: nothing, raised (and whether the log hears of it), cleared, or cleared as its hour ended.</summary>
public sealed record StepAlertChange(bool Changed, bool On, bool ToLog, string? Reason)
{
    public static StepAlertChange None { get; } = new(false, false, false, null);

    public static StepAlertChange Cleared { get; } = new(true, false, false, "the projection is below the limit again");

    public static StepAlertChange HourEnded { get; } = new(true, false, false, "the hour ended");

    public static StepAlertChange Raised(bool toLog) => new(true, true, toLog, "the projection reaches the limit");
}
