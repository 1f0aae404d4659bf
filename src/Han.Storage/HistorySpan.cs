namespace Han.Storage;

/// <summary>The span of a store's history: the earliest and the latest instant any list, minute or aggregate covers.</summary>
public sealed record HistorySpan(DateTimeOffset First, DateTimeOffset Last);
