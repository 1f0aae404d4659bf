namespace Han.Cli.Configuration;

/// <summary>
/// Where <c>han run</c> sends each meter's readings, besides its log. Paths may hold <c>{meter}</c>, the
/// meter's name (needed with more than one meter).
/// </summary>
/// <param name="CapturePath">A han capture of every byte received, with receive times; null for none.</param>
/// <param name="JsonLinesPath">Every live reading as a JSON line (the reading schema with receive time and the energy estimates); null for none.</param>
/// <param name="LogReadings">Whether each reading is also written to the log (a line per reading).</param>
/// <param name="QueueSize">How many items each output's queue holds before it drops the oldest (and counts them).</param>
internal sealed record OutputsConfiguration(string? CapturePath, string? JsonLinesPath, bool LogReadings, int QueueSize);
