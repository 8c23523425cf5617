import type { Ctx } from '../context.ts';
import { type ApplianceRow, type NumberedRow, readApplianceCsv, type Unusable } from './appliance-csv.ts';
import { CONTROL_CHARACTERS } from './control-characters.ts';
import { normaliseModel } from './normalise-model.ts';
import { type ApplianceDraft, saveAppliances } from './save-appliances.ts';
import { rangeProblem } from './serial-range.ts';
import { APPLIANCE_CATEGORIES, type ApplianceCategory } from './tables.ts';

/** One reported problem: the file's line number (1 = header), the column, and a code the caller words in its language. */
export type ApplianceImportProblem = {
  line: number;
  column?: string;
  code: ApplianceImportCode;
  value?: string;
};
export type ApplianceImportCode =
  | 'column-count'
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'unknown-category'
  | 'category-conflict'
  | 'unknown-sku'
  | 'duplicate-row'
  | 'range-reversed'
  | 'range-mixed'
  | 'range-without-variant';

export type ApplianceImportResult =
  | Unusable
  | {
      ok: true;
      /** Data lines in the file. */
      total: number;
      /** Appliances created and updated (one appliance may span several lines). */
      created: number;
      updated: number;
      /** Lines not imported because of a problem. */
      skipped: number;
      problems: ApplianceImportProblem[];
      /** Every appliance the file wrote, for the lookup index to refresh. */
      applianceIds: string[];
    };

export type ApplianceImportOptions = { onProgress?: (done: number, total: number) => void };

const MAX_LENGTH: Partial<Record<keyof ApplianceRow, number>> = {
  brand: 80,
  model: 100,
  name: 200,
  variant: 80,
  serialFrom: 64,
  serialTo: 64,
  notes: 1000,
};
const COLUMN: Record<keyof ApplianceRow, string> = {
  brand: 'brand',
  model: 'model',
  name: 'name',
  category: 'category',
  aliases: 'aliases',
  variant: 'variant',
  serialFrom: 'serial_from',
  serialTo: 'serial_to',
  fits: 'fits',
  notes: 'notes',
};
/**
 * Imports appliances from CSV (see appliance-csv.ts), idempotent by brand and normalised model: re-importing the
 * same file changes nothing, an edited file updates what it names. Every bad line is reported with its number
 * and reason and skipped; the good lines are written in one transaction. A file that cannot be read as this
 * format writes nothing.
 */
export async function importAppliances(
  ctx: Ctx,
  file: Buffer | string,
  options: ApplianceImportOptions = {},
): Promise<ApplianceImportResult> {
  const csv = readApplianceCsv(file);
  if (!csv.ok) return csv;
  const problems: ApplianceImportProblem[] = csv.columnCount.map((c) => ({
    line: c.line,
    code: 'column-count',
    value: c.value,
  }));
  const result = await importApplianceRows(ctx, csv.rows, options);
  problems.push(...result.problems);
  problems.sort((a, b) => a.line - b.line);
  return {
    ...result,
    total: csv.rows.length + csv.columnCount.length,
    skipped: result.skipped + csv.columnCount.length,
    problems,
  };
}

/** The rows of a file (or the demo seed) after reading: checked, grouped into appliances and written. */
export async function importApplianceRows(
  ctx: Ctx,
  rows: NumberedRow[],
  options: ApplianceImportOptions = {},
): Promise<Extract<ApplianceImportResult, { ok: true }>> {
  const products = await productIdsBySku(ctx, rows);
  const problems: ApplianceImportProblem[] = [];
  const drafts = new Map<string, ApplianceDraft & { line: number }>();
  const firstLine = new Map<string, number>();
  let skipped = 0;

  for (const { line, row } of rows) {
    const found = checkRow(row, products);
    const key = `${normaliseModel(row.brand)} ${normaliseModel(row.model)}`;
    const draft = drafts.get(key);
    if (found.length === 0 && draft && draft.category !== row.category) {
      found.push({ column: 'category', code: 'category-conflict', value: `${row.category} (${draft.line})` });
    }
    const rowKey = `${key} ${row.variant.toLowerCase()}`;
    const seen = firstLine.get(rowKey);
    if (found.length === 0 && seen !== undefined) {
      found.push({
        code: 'duplicate-row',
        value: `${[row.brand, row.model, row.variant].filter(Boolean).join(' ')} (${seen})`,
      });
    }
    if (found.length > 0) {
      for (const p of found) problems.push({ line, ...p });
      skipped++;
      continue;
    }
    firstLine.set(rowKey, line);
    addRow(drafts, key, line, row, products);
  }
  const saved = await saveAppliances(ctx, [...drafts.values()], options.onProgress);
  return { ok: true, total: rows.length, skipped, problems, ...saved };
}

function checkRow(row: ApplianceRow, products: Map<string, string>): Omit<ApplianceImportProblem, 'line'>[] {
  const found: Omit<ApplianceImportProblem, 'line'>[] = [];
  if (normaliseModel(row.brand) === '') found.push({ column: 'brand', code: 'required' });
  if (normaliseModel(row.model) === '') found.push({ column: 'model', code: 'required' });
  for (const [field, max] of Object.entries(MAX_LENGTH) as [keyof ApplianceRow, number][]) {
    if ((row[field] as string).length > max)
      found.push({ column: COLUMN[field], code: 'too-long', value: String(max) });
  }
  for (const field of Object.keys(COLUMN) as (keyof ApplianceRow)[]) {
    const value = row[field];
    if ((Array.isArray(value) ? value : [value]).some((v) => CONTROL_CHARACTERS.test(v))) {
      found.push({ column: COLUMN[field], code: 'control-characters' });
    }
  }
  if (!(APPLIANCE_CATEGORIES as readonly string[]).includes(row.category)) {
    found.push({ column: 'category', code: 'unknown-category', value: row.category });
  }
  const range = `${row.serialFrom}–${row.serialTo}`;
  if (row.variant === '' && (row.serialFrom !== '' || row.serialTo !== '')) {
    found.push({ column: 'serial_from', code: 'range-without-variant', value: range });
  } else {
    const problem = rangeProblem(row);
    if (problem)
      found.push({
        column: 'serial_from',
        code: problem === 'reversed' ? 'range-reversed' : 'range-mixed',
        value: range,
      });
  }
  const unknown = row.fits.filter((sku) => !products.has(sku));
  if (unknown.length > 0) found.push({ column: 'fits', code: 'unknown-sku', value: unknown.join(', ') });
  return found;
}

/** Rows of one appliance merge: the first row names it, aliases add up, a row with a variant adds that variant. */
function addRow(
  drafts: Map<string, ApplianceDraft & { line: number }>,
  key: string,
  line: number,
  row: ApplianceRow,
  products: Map<string, string>,
): void {
  let draft = drafts.get(key);
  if (!draft) {
    draft = {
      line,
      brand: row.brand,
      model: row.model,
      name: row.name,
      category: row.category as ApplianceCategory,
      notes: '',
      aliases: [],
      productIds: [],
      variants: [],
    };
    drafts.set(key, draft);
  }
  if (draft.name === '') draft.name = row.name;
  draft.aliases.push(...row.aliases);
  const productIds = row.fits.map((sku) => products.get(sku)!);
  if (row.variant === '') {
    draft.notes = row.notes;
    draft.productIds.push(...productIds);
  } else {
    draft.variants.push({
      label: row.variant,
      serialFrom: row.serialFrom || null,
      serialTo: row.serialTo || null,
      notes: row.notes,
      productIds,
    });
  }
}

async function productIdsBySku(ctx: Ctx, rows: NumberedRow[]): Promise<Map<string, string>> {
  const skus = [...new Set(rows.flatMap((r) => r.row.fits))];
  const result = new Map<string, string>();
  for (let i = 0; i < skus.length; i += 500) {
    const found = await ctx.db
      .selectFrom('products')
      .select(['id', 'sku'])
      .where('sku', 'in', skus.slice(i, i + 500))
      .execute();
    for (const p of found) result.set(p.sku, p.id);
  }
  return result;
}
