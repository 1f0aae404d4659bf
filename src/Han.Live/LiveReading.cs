using Han.Readings;

namespace Han.Live;

/// <summary>
/// A reading as the live state makes it: the meter's values (scaled by the current transformer), the
/// meter's identity as known so far, and the live energy estimates, which are never mixed with the
/// exact registers (their own keys, <c>active_energy_import_estimate</c> and
/// <c>active_energy_export_estimate</c>).
/// </summary>
public sealed record LiveReading(MeterReading Reading, MeterIdentity Identity, decimal? ImportEstimate, decimal? ExportEstimate);
