import { readCsvFile, type Unusable } from '../read-csv-file.ts';

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
export type { Unusable, UnusableReason } from '../read-csv-file.ts';

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
  const csv = readCsvFile(file, { columns: APPLIANCE_CSV_COLUMNS });
  if (!csv.ok) return csv;
  const { header } = csv;
  const at = Object.fromEntries(header.map((h, i) => [h, i])) as Record<ApplianceCsvColumn, number>;
  const rows: NumberedRow[] = [];
  const columnCount: { line: number; value: string }[] = [];
  for (const { line, cells } of csv.records) {
    if (cells.length !== header.length) {
      columnCount.push({ line, value: `${cells.length}/${header.length}` });
      continue;
    }
    const cell = (c: ApplianceCsvColumn) => (cells[at[c]] ?? '').trim();
    rows.push({
      line,
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
