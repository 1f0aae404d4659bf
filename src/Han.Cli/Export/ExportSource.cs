namespace Han.Cli.Export;

/// <summary>The store han export reads: a SQLite file or a PostgreSQL connection string, and the option or setting that named it (for messages).</summary>
internal sealed record ExportSource(string? SqlitePath, string? PostgresConnection, string NamedBy);
