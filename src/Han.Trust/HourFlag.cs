namespace Han.Trust;

/// <summary>A problem found with an hour, and why, in words a user can check against the meter.</summary>
public sealed record HourFlag(HourFlagKind Kind, string Reason);
