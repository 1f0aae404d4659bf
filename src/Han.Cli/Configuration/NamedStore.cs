namespace Han.Cli.Configuration;

/// <summary>The store a command reads (han export, han cost), and the option or setting that named it (for messages).</summary>
internal sealed record NamedStore(HistoryLocation Location, string NamedBy);
