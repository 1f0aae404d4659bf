using Han.Live;

namespace Han.Storage;

/// <summary>What an import saw of one meter: the first and last receive time, the identity its lists told.</summary>
public sealed record ImportedMeter(int Index, DateTimeOffset First, DateTimeOffset Last, MeterIdentity Identity);
