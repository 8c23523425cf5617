import type { Ctx } from '../context.ts';
import { readCsvFile, type Unusable } from '../read-csv-file.ts';
import { CSV_FIELD, FIELD_COLUMN, OPTIONAL_PRODUCT_COLUMNS, PRODUCT_CSV_COLUMNS } from './product-csv.ts';
import { type ProductInput, parseProduct, type RawProduct, type RuleError } from './product-rules.ts';
import { categoryIdsBySlug, saveProduct } from './save-product.ts';

/** One reported problem: the file's line number (1 = header), the column, and a code the caller words in its language. */
export type ImportProblem = { line: number; column?: string; code: ImportCode; value?: string };
export type ImportCode = RuleError['code'] | 'column-count' | 'duplicate-sku';

export type ImportResult =
  | Unusable
  | { ok: true; total: number; created: number; updated: number; skipped: number; problems: ImportProblem[] };
export type { UnusableReason } from '../read-csv-file.ts';

export type ImportOptions = { onProgress?: (done: number, total: number) => void; chunkSize?: number };

/**
 * Imports products from CSV, idempotent by SKU: a new SKU is created, a known one updated (columns absent from
 * the file keep their value). Every bad row is reported with its line number and reason and skipped; the good
 * rows are written in short transactions of `chunkSize` rows. A file that cannot be read as this format writes nothing.
 */
export async function importProducts(
  ctx: Ctx,
  file: Buffer | string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = readCsvFile(file, { columns: PRODUCT_CSV_COLUMNS, optional: OPTIONAL_PRODUCT_COLUMNS });
  if (!parsed.ok) return parsed;
  const { header, records: rows } = parsed;
  const categories = await categoryIdsBySlug(ctx);
  const known = new Set(categories.keys());
  const problems: ImportProblem[] = [];
  const valid: { line: number; input: ProductInput }[] = [];
  const firstLine = new Map<string, number>();
  const skus = rows.map((r) => (r.cells[header.indexOf('sku')] ?? '').trim()).filter(Boolean);
  const existing = await existingBySku(ctx, skus);

  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      problems.push({ line, code: 'column-count', value: `${cells.length}/${header.length}` });
      continue;
    }
    const raw: RawProduct = { ...existing.get((cells[header.indexOf('sku')] ?? '').trim()) };
    header.forEach((column, i) => {
      raw[CSV_FIELD[column]] = cells[i];
    });
    const result = parseProduct(raw, known);
    if (!result.ok) {
      for (const e of result.errors) {
        problems.push({
          line,
          column: FIELD_COLUMN[e.field] ?? e.field,
          code: e.code,
          ...(e.value ? { value: e.value } : {}),
        });
      }
      continue;
    }
    const seen = firstLine.get(result.value.sku);
    if (seen !== undefined) {
      problems.push({ line, column: 'sku', code: 'duplicate-sku', value: `${result.value.sku} (${seen})` });
      continue;
    }
    firstLine.set(result.value.sku, line);
    valid.push({ line, input: result.value });
  }

  let created = 0;
  let updated = 0;
  const chunk = options.chunkSize ?? 250;
  options.onProgress?.(0, valid.length);
  // Each chunk is its own short transaction, so a large import never holds the (single) SQLite writer for long:
  // the shop keeps answering and progress can be shown. Every row was validated before the first write, and a
  // re-import is idempotent, so an interrupted import is finished by running it again.
  for (let start = 0; start < valid.length; start += chunk) {
    await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      for (const { input } of valid.slice(start, start + chunk)) {
        const saved = await saveProduct(tctx, input, categories);
        if (saved.created) created++;
        else updated++;
      }
    });
    options.onProgress?.(Math.min(start + chunk, valid.length), valid.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  options.onProgress?.(valid.length, valid.length);
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, total: rows.length, created, updated, skipped: rows.length - valid.length, problems };
}

async function existingBySku(ctx: Ctx, skus: string[]): Promise<Map<string, RawProduct>> {
  const result = new Map<string, RawProduct>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('products')
      .innerJoin('categories', 'categories.id', 'products.category_id')
      .select([
        'products.sku',
        'products.description_nl',
        'products.description_en',
        'products.length_mm',
        'products.width_mm',
        'products.height_mm',
        'products.active',
        'categories.slug',
      ])
      .where('products.sku', 'in', skus.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      result.set(r.sku, {
        descriptionNl: r.description_nl,
        descriptionEn: r.description_en,
        lengthMm: r.length_mm === null ? '' : String(r.length_mm),
        widthMm: r.width_mm === null ? '' : String(r.width_mm),
        heightMm: r.height_mm === null ? '' : String(r.height_mm),
        active: r.active ? 'true' : 'false',
      });
    }
  }
  return result;
}
