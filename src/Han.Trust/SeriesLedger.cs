using System.Globalization;

namespace Han.Trust;

/// <summary>
/// One direction (import or export) from its first register to its last: every hour between two
/// consecutive registers gets the register difference when it is plausible (shared out over the hours
/// when lists are missing, so the total stays exact), and the integrated power when it is not (flagged,
/// with the reason). A single bad register between two that agree is skipped rather than spoiling the
/// hours on both sides of it. Rules and tolerances: docs/trust.md.
/// </summary>
internal sealed class SeriesLedger
{
    private readonly string _direction;
    private readonly IReadOnlyList<RegisterPoint> _points;
    private readonly IReadOnlyDictionary<DateTimeOffset, decimal> _estimates;
    private readonly TrustOptions _options;
    private readonly FlagBook _flags;
    private readonly Dictionary<DateTimeOffset, HourEnergy> _hours = [];

    public SeriesLedger(
        string direction,
        IReadOnlyList<RegisterPoint> points,
        IReadOnlyDictionary<DateTimeOffset, decimal> estimates,
        TrustOptions options,
        FlagBook flags)
    {
        _direction = direction;
        _points = points;
        _estimates = estimates;
        _options = options;
        _flags = flags;
    }

    /// <summary>The energy of every hour between the first and the last register, by UTC hour start.</summary>
    public IReadOnlyDictionary<DateTimeOffset, HourEnergy> Build()
    {
        var i = 0;
        while (i < _points.Count - 1)
        {
            var from = _points[i];
            var next = _points[i + 1];
            var verdict = Judge(from, next);
            if (verdict is null)
            {
                Book(from, next, flag: null);
                i++;
                continue;
            }

            if (i + 2 < _points.Count && Judge(from, _points[i + 2]) is null)
            {
                // The register in between disagrees with both neighbours, which agree with each other:
                // that one reading is wrong, not the energy around it.
                Book(from, _points[i + 2], (verdict.Value.Kind, Text($"{verdict.Value.Reason}; that register is ignored")));
                i += 2;
                continue;
            }

            BookBadSpan(from, next, verdict.Value);
            i++;
        }

        return _hours;
    }

    /// <summary>Null when the difference between two registers is plausible, else why not.</summary>
    private (HourFlagKind Kind, string Reason)? Judge(RegisterPoint from, RegisterPoint to)
    {
        var delta = to.Kwh - from.Kwh;
        if (delta < 0)
        {
            return (HourFlagKind.RegisterBackwards, Text(
                $"the {_direction} register went backwards from {from.Kwh} kWh at {Stamp(from.BoundaryUtc)} to {to.Kwh} kWh at {Stamp(to.BoundaryUtc)}"));
        }

        return Estimate(from.BoundaryUtc, to.BoundaryUtc) is { } estimate && !Plausible(delta, estimate, Hours(from, to))
            ? (HourFlagKind.ImplausibleJump, Text(
                $"the {_direction} register rose {delta} kWh from {Stamp(from.BoundaryUtc)} to {Stamp(to.BoundaryUtc)}, but power integrated to {estimate:0.###} kWh"))
            : null;
    }

    private bool Plausible(decimal delta, decimal estimate, int hours)
    {
        var slack = Math.Max(_options.JumpAbsoluteSlackKwhPerHour * hours, _options.JumpRelativeSlack * estimate);
        return Math.Abs(delta - estimate) <= slack;
    }

    /// <summary>A span whose registers cannot be trusted: a rollover when the wrap is known, else the estimate.</summary>
    private void BookBadSpan(RegisterPoint from, RegisterPoint to, (HourFlagKind Kind, string Reason) verdict)
    {
        var hours = Hours(from, to);
        var estimate = Estimate(from.BoundaryUtc, to.BoundaryUtc);
        if (verdict.Kind == HourFlagKind.RegisterBackwards && _options.RegisterWrap is { } wrap)
        {
            var wrapped = to.Kwh + wrap - from.Kwh;
            if (wrapped >= 0 && (estimate is null || Plausible(wrapped, estimate.Value, hours)))
            {
                Book(from, to, (HourFlagKind.Rollover, Text(
                    $"the {_direction} register wrapped at {wrap} kWh from {from.Kwh} to {to.Kwh} kWh; {wrapped} kWh counted")));
                return;
            }
        }

        var kind = verdict.Kind;
        var reason = verdict.Reason;
        if (kind == HourFlagKind.RegisterBackwards && estimate is { } e && to.Kwh <= e + (_options.JumpAbsoluteSlackKwhPerHour * hours))
        {
            kind = HourFlagKind.Rollover;
            reason = Text($"{reason}, to near zero as if it wrapped at its maximum; the maximum is not configured");
        }

        for (var hour = from.BoundaryUtc; hour < to.BoundaryUtc; hour += HourMath.Hour)
        {
            _flags.Add(hour, kind, Text($"{reason}; the hour's {_direction} is integrated power"));
            _hours[hour] = _estimates.TryGetValue(hour, out var kwh) ? new HourEnergy(kwh, EnergySource.Estimated) : HourEnergy.Unknown;
        }
    }

    /// <summary>The register difference over the hours from one register to another, shared when more than one.</summary>
    private void Book(RegisterPoint from, RegisterPoint to, (HourFlagKind Kind, string Reason)? flag)
    {
        var hours = Hours(from, to);
        var total = to.Kwh - from.Kwh + (flag?.Kind == HourFlagKind.Rollover ? _options.RegisterWrap ?? 0 : 0);
        if (hours == 1)
        {
            _hours[from.BoundaryUtc] = new HourEnergy(total, EnergySource.Exact);
            if (flag is { } only)
            {
                _flags.Add(from.BoundaryUtc, only.Kind, only.Reason);
            }

            return;
        }

        var weights = EstimatesOf(from.BoundaryUtc, hours);
        var parts = Shares.Split(total, weights, hours);
        // Said the same way for import and export, so a missing list is one flag on the hour.
        var shared = Text($"the register difference over these {hours} hours is shared out by the integrated power (equally where none was integrated)");
        var (kind, reason) = flag is { } f
            ? (f.Kind, Text($"{f.Reason}; {shared}"))
            : (HourFlagKind.MissingList, Text($"no hourly register between {Stamp(from.BoundaryUtc)} and {Stamp(to.BoundaryUtc)}; {shared}"));
        for (var n = 0; n < hours; n++)
        {
            var hour = from.BoundaryUtc + (n * HourMath.Hour);
            _hours[hour] = new HourEnergy(parts[n], EnergySource.Estimated);
            _flags.Add(hour, kind, reason);
        }
    }

    private decimal[]? EstimatesOf(DateTimeOffset start, int hours)
    {
        var values = new decimal[hours];
        for (var n = 0; n < hours; n++)
        {
            if (!_estimates.TryGetValue(start + (n * HourMath.Hour), out values[n]))
            {
                return null;
            }
        }

        return values;
    }

    private decimal? Estimate(DateTimeOffset from, DateTimeOffset to) =>
        EstimatesOf(from, HourMath.HoursBetween(from, to))?.Sum();

    private static int Hours(RegisterPoint from, RegisterPoint to) => HourMath.HoursBetween(from.BoundaryUtc, to.BoundaryUtc);

    private static string Stamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
