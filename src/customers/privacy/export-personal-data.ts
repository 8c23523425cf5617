import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { type OnErase, personalTables } from '../../db/personal-data.ts';
import { normaliseEmail } from '../guard.ts';
import { anyDb, belongsTo, type DataSubject } from './customer-rows.ts';

export const EXPORT_FORMAT = 'toonbank-personal-data';

export type ExportedTable = {
  /** What the table holds, in words (the export's language). */
  what: string;
  /** What deleting the account does with these rows. */
  onErase: OnErase;
  rows: Record<string, unknown>[];
};

/** Everything held about one customer (GDPR Art. 15 access, Art. 20 portability), as JSON. */
export type PersonalDataExport = {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  shop: string;
  subject: { id: string; email: string };
  /** Shared with the household: the members' names only (their own data stays theirs). */
  household: { id: string; members: { name: string | null; you: boolean }[] } | null;
  /** Every table marked personal in src/db/personal-data.ts, by name, even when empty. */
  tables: Record<string, ExportedTable>;
};

/** Who the account belongs to, or null when there is no such account (any more). */
export async function dataSubject(ctx: Ctx, customerId: string): Promise<DataSubject | null> {
  const row = await ctx.db
    .selectFrom('customers')
    .select(['id', 'email', 'household_id'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row ? { id: row.id, email: normaliseEmail(row.email), householdId: row.household_id } : null;
}

/**
 * The export: for every personal table of the registry, the customer's rows with every column except the
 * registry's secrets (token hashes, key material). Driven by the registry, so a new personal table is exported
 * as soon as it is marked. Null when the account does not exist.
 */
export async function exportPersonalData(ctx: Ctx, customerId: string): Promise<PersonalDataExport | null> {
  const who = await dataSubject(ctx, customerId);
  if (!who) return null;
  const db = anyDb(ctx);
  const tables: Record<string, ExportedTable> = {};
  for (const { table, entry } of personalTables()) {
    const rows = (await db
      .selectFrom(table)
      .selectAll()
      .where((eb) => belongsTo(eb, entry.find, who))
      .execute()) as Record<string, unknown>[];
    const secret = new Set<string>(entry.secret ?? []);
    tables[table] = {
      what: entry.what[ctx.locale],
      onErase: entry.onErase,
      rows: rows.map((row) => exportRow(row, secret)),
    };
  }
  let household: PersonalDataExport['household'] = null;
  if (who.householdId) {
    const members = await ctx.db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('household_id', '=', who.householdId)
      .orderBy('created_at')
      .execute();
    household = {
      id: who.householdId,
      members: members.map((m) => ({ name: m.name, you: m.id === who.id })),
    };
  }
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: isoNow(ctx.clock),
    shop: ctx.config.shopName,
    subject: { id: who.id, email: who.email },
    household,
    tables,
  };
}

/** A row as exported: secrets left out, `*_json` columns parsed, bytes as base64. */
function exportRow(row: Record<string, unknown>, secret: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (secret.has(column)) continue;
    if (value instanceof Uint8Array) out[column] = Buffer.from(value).toString('base64');
    else if (typeof value === 'bigint') out[column] = Number(value);
    else if (column.endsWith('_json') && typeof value === 'string') out[column] = parseOr(value);
    else out[column] = value;
  }
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
