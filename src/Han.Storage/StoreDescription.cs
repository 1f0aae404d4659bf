namespace Han.Storage;

/// <summary>What kind of store han uses and where it is, for status pages and messages.</summary>
/// <param name="Kind"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Location">The SQLite file's path, or <c>postgresql://host:port/database</c> (never a user or a password).</param>
public sealed record StoreDescription(string Kind, string Location);
