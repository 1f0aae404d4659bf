using Han.Protocol;

namespace Han.Readings;

/// <summary>Something about a reading's list that did not decode fully, though the reading itself did.</summary>
public sealed record ReadingRemark(DecodeError Error, string Detail);
