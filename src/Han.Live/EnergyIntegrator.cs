namespace Han.Live;

/// <summary>
/// One direction of the live energy estimate (import or export): between the meter's exact hourly
/// registers, active power integrated over the receive time (trapezoids between readings), anchored to
/// the register each time one arrives. The estimate never goes down, since a total that falls would be
/// booked as negative consumption: when a register comes in below it (the integral ran ahead), the
/// estimate holds until register plus new integral pass it. Across a gap longer than
/// <see cref="MaxGap"/> nothing is integrated: nobody knows the power then, and the next register puts
/// the estimate right. Exact numbers throughout (decimal kWh).
/// </summary>
public sealed class EnergyIntegrator
{
    /// <summary>Watt-ticks in a kWh: the integral is kept in watt-ticks, exact, and divided once.</summary>
    private const decimal WattTicksPerKilowattHour = 1000m * TimeSpan.TicksPerHour;

    private decimal? _anchor;
    private decimal _integral; // watt-ticks since the anchor
    private decimal? _lastPower;
    private DateTimeOffset _lastTime;

    public EnergyIntegrator(TimeSpan maxGap)
    {
        MaxGap = maxGap;
    }

    /// <summary>The longest time between two power readings that is integrated over.</summary>
    public TimeSpan MaxGap { get; }

    /// <summary>The estimate in kWh, or null before the first register (nothing to count from).</summary>
    public decimal? Estimate { get; private set; }

    /// <summary>A power reading (W) at receive time <paramref name="at"/>.</summary>
    public void AddPower(decimal watts, DateTimeOffset at)
    {
        if (_lastPower is { } last && at > _lastTime && at - _lastTime <= MaxGap)
        {
            _integral += (last + watts) / 2 * (at - _lastTime).Ticks;
        }

        _lastPower = watts;
        _lastTime = at;
        Update();
    }

    /// <summary>The meter's exact register (kWh): the estimate counts on from here.</summary>
    public void AddRegister(decimal kilowattHours)
    {
        _anchor = kilowattHours;
        _integral = 0;
        Update();
    }

    private void Update()
    {
        if (_anchor is { } anchor)
        {
            var counted = anchor + (_integral / WattTicksPerKilowattHour);
            Estimate = Estimate is { } shown && shown > counted ? shown : counted;
        }
    }
}
