namespace Han.Storage.Queries;

/// <summary>The period a calendar form names: <c>2025</c> a year, <c>2025-03</c> a month, <c>2025-03-30</c> a day.</summary>
public enum CalendarUnit
{
    Year,
    Month,
    Day,
}
