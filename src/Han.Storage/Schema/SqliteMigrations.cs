namespace Han.Storage.Schema;

/// <summary>
/// The SQLite schema, one script per version, in order: script n takes a store from version n to n+1.
/// A script, once released, is never changed; a change of schema is a new script (docs/storage.md).
/// </summary>
internal static class SqliteMigrations
{
    public static StoreDialect Dialect { get; } = new("SQLite", [Version1, Version2, Version3], LockForMigration: null);

    // Times are Unix milliseconds (UTC), energy whole mWh (EnergyUnits). minute_power and
    // energy_aggregates are looked up by their key only, so WITHOUT ROWID keeps one copy of each row;
    // raw_lists keeps its rowid, since its rows (a JSON reading) are large.
    private const string Version1 = """
        CREATE TABLE meters (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            meter_id TEXT,
            meter_manufacturer TEXT,
            meter_type TEXT,
            list_version TEXT);
        CREATE TABLE raw_lists (
            meter INTEGER NOT NULL REFERENCES meters (id),
            received INTEGER NOT NULL,
            meter_time TEXT,
            reading TEXT NOT NULL);
        CREATE UNIQUE INDEX raw_lists_by_meter_and_time ON raw_lists (meter, received);
        CREATE TABLE minute_power (
            meter INTEGER NOT NULL REFERENCES meters (id),
            minute_start INTEGER NOT NULL,
            import_mean REAL, import_min REAL, import_max REAL, import_count INTEGER NOT NULL,
            export_mean REAL, export_min REAL, export_max REAL, export_count INTEGER NOT NULL,
            PRIMARY KEY (meter, minute_start)) WITHOUT ROWID;
        CREATE TABLE energy_aggregates (
            meter INTEGER NOT NULL REFERENCES meters (id),
            resolution TEXT NOT NULL CHECK (resolution IN ('15min', 'hour', 'day', 'month')),
            period_start INTEGER NOT NULL,
            import_mwh INTEGER,
            export_mwh INTEGER,
            exact INTEGER NOT NULL,
            flags TEXT,
            PRIMARY KEY (meter, resolution, period_start)) WITHOUT ROWID;
        """;

    // The hourly registers, kept for ever (raw lists are pruned): the aggregates are recomputed from
    // them and minute_power. Filled from the raw lists a version-1 store already holds.
    private const string Version2 = """
        CREATE TABLE hourly_registers (
            meter INTEGER NOT NULL REFERENCES meters (id),
            received INTEGER NOT NULL,
            meter_clock TEXT,
            import_mwh INTEGER NOT NULL,
            export_mwh INTEGER,
            PRIMARY KEY (meter, received)) WITHOUT ROWID;
        INSERT INTO hourly_registers (meter, received, meter_clock, import_mwh, export_mwh)
        SELECT meter, received, meter_time,
            CAST(ROUND(json_extract(reading, '$.active_energy_import') * 1000000) AS INTEGER),
            CAST(ROUND(json_extract(reading, '$.active_energy_export') * 1000000) AS INTEGER)
        FROM raw_lists WHERE json_extract(reading, '$.active_energy_import') IS NOT NULL;
        """;

    // The spot prices fetched (docs/prices.md), so nothing is fetched twice: one row per zone and interval
    // start (a quarter-hour or an hour), NOK/kWh excluding VAT as decimal text (exact; REAL would round it).
    private const string Version3 = """
        CREATE TABLE spot_prices (
            zone TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            period_end INTEGER NOT NULL,
            nok_per_kwh TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at INTEGER NOT NULL,
            PRIMARY KEY (zone, period_start)) WITHOUT ROWID;
        """;
}
