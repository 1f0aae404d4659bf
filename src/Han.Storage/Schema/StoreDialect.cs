namespace Han.Storage.Schema;

/// <summary>What differs between the databases: the migration scripts and how the migration keeps other writers out.</summary>
internal sealed record StoreDialect(string Name, IReadOnlyList<string> Migrations, string? LockForMigration)
{
    /// <summary>The schema version this han writes: the number of migrations.</summary>
    public int LatestVersion => Migrations.Count;
}
