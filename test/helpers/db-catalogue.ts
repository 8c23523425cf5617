import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: any database handle, whatever its schema type
type AnyDb = Kysely<any>;

export type CatalogueColumn = { column: string; type: string };

/** Kysely's own bookkeeping, not the shop's schema. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Every table of the real database with its columns, read from the database's own catalogue (sqlite_master and
 * pragma_table_info on SQLite, information_schema on PostgreSQL), never from a hand-written list.
 */
export async function readCatalogue(db: AnyDb): Promise<Map<string, CatalogueColumn[]>> {
  const tables = new Map<string, CatalogueColumn[]>();
  if (await isPostgres(db)) {
    const rows = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
    for (const r of rows.rows) {
      if (MIGRATION_TABLES.has(r.table_name)) continue;
      const list = tables.get(r.table_name) ?? [];
      list.push({ column: r.column_name, type: r.data_type });
      tables.set(r.table_name, list);
    }
    return tables;
  }
  const names = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  for (const { name } of names.rows) {
    if (MIGRATION_TABLES.has(name)) continue;
    const columns = await sql<{
      name: string;
      type: string;
    }>`select name, type from pragma_table_info(${name})`.execute(db);
    tables.set(
      name,
      columns.rows.map((c) => ({ column: c.name, type: c.type.toLowerCase() })),
    );
  }
  return tables;
}

export async function isPostgres(db: AnyDb): Promise<boolean> {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Every place (table.column) where one of `needles` occurs, case-insensitively, in any column that can hold text
 * (bytes included on SQLite), across every table of the catalogue. Values are parameters; names are quoted ids.
 */
export async function findEverywhere(
  db: AnyDb,
  needles: string[],
): Promise<{ table: string; column: string; needle: string; count: number }[]> {
  const pg = await isPostgres(db);
  const found: { table: string; column: string; needle: string; count: number }[] = [];
  for (const [table, columns] of await readCatalogue(db)) {
    for (const { column, type } of columns) {
      if (pg && type === 'bytea') continue; // photos; SQLite below reads blobs as text
      for (const needle of needles) {
        const pattern = `%${needle.toLowerCase()}%`;
        const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}
          where lower(cast(${sql.ref(column)} as text)) like ${pattern}`.execute(db);
        const count = Number(row.rows[0]?.n ?? 0);
        if (count > 0) found.push({ table, column, needle, count });
      }
    }
  }
  return found;
}
