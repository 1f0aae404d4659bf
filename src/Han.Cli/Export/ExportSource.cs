using Han.Cli.Configuration;

namespace Han.Cli.Export;

/// <summary>The store han export reads, and the option or setting that named it (for messages).</summary>
internal sealed record ExportSource(HistoryLocation Location, string NamedBy);
