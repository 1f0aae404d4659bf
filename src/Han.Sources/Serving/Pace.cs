using System.Globalization;

namespace Han.Sources.Serving;

/// <summary>
/// How fast simulated or recorded time is played: <c>--speed N</c> makes a second of it last 1/N real
/// seconds; <c>--speed max</c> waits for nothing (weeks of history in seconds).
/// </summary>
public readonly record struct Pace(double? Speed)
{
    public static Pace RealTime { get; } = new(1);

    public static Pace Max { get; } = new(null);

    public bool IsMax => Speed is null;

    /// <summary>The real time that <paramref name="played"/> of meter (or recorded) time takes.</summary>
    public TimeSpan RealTimeFor(TimeSpan played) => Speed is { } speed ? played / speed : TimeSpan.Zero;

    /// <summary>Reads <c>max</c> or a positive number; <paramref name="error"/> names the option, the value and what would be valid.</summary>
    public static bool TryParse(string? text, out Pace pace, out string error)
    {
        pace = RealTime;
        error = string.Empty;
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase))
        {
            pace = Max;
            return true;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed) && speed > 0 && double.IsFinite(speed))
        {
            pace = new Pace(speed);
            return true;
        }

        error = $"--speed: '{text}' is not a speed; use a number above 0 (1 = real time, 60 = an hour a minute) or max (no waiting).";
        return false;
    }

    public override string ToString() => Speed is { } speed ? speed.ToString(CultureInfo.InvariantCulture) + "x" : "max";
}
