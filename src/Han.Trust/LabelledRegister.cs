namespace Han.Trust;

/// <summary>A register reading placed on the UTC hour boundary at which the meter captured it.</summary>
internal sealed record LabelledRegister(DateTimeOffset BoundaryUtc, decimal Import, decimal? Export);
