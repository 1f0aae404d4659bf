using Han.Cli.Configuration;
using Han.Live;
using Han.Pipeline;
using Han.Storage;

namespace Han.Cli.Import;

/// <summary>What <c>han import</c> was asked to do, with the configuration's part already applied.</summary>
/// <param name="Meter">The meter's name in the store; null: named by the id its lists state.</param>
/// <param name="Zone">The zone (time_zone:) that days and months are aggregated in, and a meter clock without offset is read in (raw inputs only).</param>
internal sealed record ImportRequest(
    IReadOnlyList<string> Inputs,
    HistoryLocation Target,
    string? Meter,
    DecoderOptions Decoding,
    MeterStateOptions MeterOptions,
    RawListRetention Retention,
    TimeZoneInfo Zone);
