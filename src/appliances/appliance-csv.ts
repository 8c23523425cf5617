import { parse } from 'csv-parse/sync';

/** The appliance CSV format, relied on by outside tools: exactly these columns, in any order. */
export const APPLIANCE_CSV_COLUMNS = [
  'brand',
  'model',
  'name',
  'category',
  'aliases',
  'variant',
  'serial_from',
  'serial_to',
  'fits',
  'notes',
] as const;
export type ApplianceCsvColumn = (typeof APPLIANCE_CSV_COLUMNS)[number];

/** Separator inside the `aliases` and `fits` cells. */
export const LIST_SEPARATOR = '|';

/**
 * One line of the file: an appliance, or one variant of it when `variant` is set. Rows sharing brand and model
 * describe one appliance; `fits` of the row without a variant apply to every variant.
 */
export type ApplianceRow = {
  brand: string;
  model: string;
  name: string;
  category: string;
  aliases: string[];
  variant: string;
  serialFrom: string;
  serialTo: string;
  fits: string[];
  notes: string;
};

export type NumberedRow = { line: number; row: ApplianceRow };
export type UnusableReason =
  | 'not-utf8'
  | 'empty'
  | 'not-csv'
  | 'missing-columns'
  | 'unknown-columns'
  | 'duplicate-columns';
export type Unusable = { ok: false; unusable: UnusableReason; detail?: string; line?: number };

/** Lines whose cell count differs from the header's are returned apart, to be reported. */
export type ApplianceCsv =
  | { ok: true; rows: NumberedRow[]; columnCount: { line: number; value: string }[] }
  | Unusable;

/**
 * Reads an appliance CSV (UTF-8, optional BOM, header row, RFC 4180 quoting). A file that is not UTF-8, not CSV
 * or lacks the exact header is unusable as a whole; line numbers count from the header as line 1 and follow
 * quoted newlines.
 */
export function readApplianceCsv(file: Buffer | string): ApplianceCsv {
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { ok: false, unusable: 'not-utf8' };
  }
  if (text.trim() === '') return { ok: false, unusable: 'empty' };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as never;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, unusable: 'not-csv', line: e.lines, detail: e.message };
  }
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(APPLIANCE_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) return { ok: false, unusable: 'unknown-columns', detail: unknown.join(', ') };
  if (new Set(header).size !== header.length) return { ok: false, unusable: 'duplicate-columns' };
  const missing = APPLIANCE_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, unusable: 'missing-columns', detail: missing.join(', ') };

  const at = Object.fromEntries(header.map((h, i) => [h, i])) as Record<ApplianceCsvColumn, number>;
  const rows: NumberedRow[] = [];
  const columnCount: { line: number; value: string }[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      columnCount.push({ line: info.lines, value: `${record.length}/${header.length}` });
      continue;
    }
    const cell = (c: ApplianceCsvColumn) => (record[at[c]] ?? '').trim();
    rows.push({
      line: info.lines,
      row: {
        brand: cell('brand'),
        model: cell('model'),
        name: cell('name'),
        category: cell('category').toLowerCase(),
        aliases: splitList(cell('aliases')),
        variant: cell('variant'),
        serialFrom: cell('serial_from'),
        serialTo: cell('serial_to'),
        fits: splitList(cell('fits')),
        notes: cell('notes'),
      },
    });
  }
  return { ok: true, rows, columnCount };
}

/** A row as CSV cells in APPLIANCE_CSV_COLUMNS order. */
export function applianceRecord(row: ApplianceRow): string[] {
  return [
    row.brand,
    row.model,
    row.name,
    row.category,
    row.aliases.join(LIST_SEPARATOR),
    row.variant,
    row.serialFrom,
    row.serialTo,
    row.fits.join(LIST_SEPARATOR),
    row.notes,
  ];
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
