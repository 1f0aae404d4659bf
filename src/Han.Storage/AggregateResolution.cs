namespace Han.Storage;

/// <summary>How long an energy aggregate's period is; stored by its name (<c>15min</c>, <c>hour</c>, <c>day</c>, <c>month</c>).</summary>
public enum AggregateResolution
{
    FifteenMinutes,
    Hour,
    Day,
    Month,
}
