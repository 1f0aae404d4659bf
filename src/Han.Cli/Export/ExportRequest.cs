using Han.Cli.Configuration;
using Han.Storage.Queries;

namespace Han.Cli.Export;

/// <summary>What <c>han export</c> was asked for, checked.</summary>
/// <param name="Meter">The meter; null to take the store's only one.</param>
/// <param name="Json">One JSON object per line instead of CSV.</param>
/// <param name="OutputPath">The file to write; null for standard output.</param>
internal sealed record ExportRequest(
    string? Meter,
    HistoryRange Range,
    ExportResolution Resolution,
    bool Json,
    string? OutputPath,
    TimeZoneInfo Zone,
    NamedStore Store);
