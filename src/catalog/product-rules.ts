import { MAILBOX_LIMITS } from './mailbox.ts';

export const VAT_RATES = [21, 9, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** A product as the owner describes it, in the admin form, the CSV file or the API. */
export type ProductInput = {
  sku: string;
  nameNl: string;
  nameEn: string;
  categorySlug: string;
  priceCents: number;
  vatRate: VatRate;
  stock: number;
  mailboxFit: boolean;
  weightGrams: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  descriptionNl: string;
  descriptionEn: string;
  active: boolean;
};

export type RuleCode =
  | 'required'
  | 'too-long'
  | 'sku-format'
  | 'not-integer'
  | 'negative'
  | 'too-large'
  | 'vat-rate'
  | 'boolean'
  | 'unknown-category'
  | 'mailbox-too-big'
  | 'control-characters';

export type RuleError = { field: keyof ProductInput; code: RuleCode; value?: string };

/** Raw text per field, as it arrives from a form or a CSV cell. Absent optional fields are undefined. */
export type RawProduct = Partial<Record<keyof ProductInput, string>>;

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_CENTS = 10_000_000;

/**
 * Turns raw text into a valid ProductInput or says, per field, what is wrong. One set of rules for the admin
 * form, the CSV import and the API, so a product that can be typed in can also be imported, and vice versa.
 */
export function parseProduct(
  raw: RawProduct,
  knownCategories: ReadonlySet<string>,
): { ok: true; value: ProductInput } | { ok: false; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const text = (field: keyof ProductInput, required: boolean, max: number): string => {
    const value = (raw[field] ?? '').trim();
    if (required && value === '') errors.push({ field, code: 'required' });
    else if (value.length > max) errors.push({ field, code: 'too-long', value: String(max) });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      errors.push({ field, code: 'control-characters' });
    return value;
  };
  const int = (field: keyof ProductInput, required: boolean, max: number): number | null => {
    const value = (raw[field] ?? '').trim();
    if (value === '') {
      if (required) errors.push({ field, code: 'required' });
      return null;
    }
    if (!/^-?\d+$/.test(value)) {
      errors.push({ field, code: 'not-integer', value });
      return null;
    }
    const n = Number(value);
    if (n < 0) errors.push({ field, code: 'negative', value });
    else if (n > max) errors.push({ field, code: 'too-large', value });
    return n;
  };
  const bool = (field: keyof ProductInput, fallback: boolean): boolean => {
    const value = (raw[field] ?? '').trim().toLowerCase();
    if (value === '') return fallback;
    if (['1', 'true', 'yes', 'ja', 'on', 'y', 'j'].includes(value)) return true;
    if (['0', 'false', 'no', 'nee', 'off', 'n'].includes(value)) return false;
    errors.push({ field, code: 'boolean', value });
    return fallback;
  };

  const sku = text('sku', true, 64);
  if (sku && !SKU.test(sku)) errors.push({ field: 'sku', code: 'sku-format', value: sku });
  const nameNl = text('nameNl', true, 200);
  const nameEn = text('nameEn', true, 200);
  const categorySlug = text('categorySlug', true, 80);
  if (categorySlug && !knownCategories.has(categorySlug)) {
    errors.push({ field: 'categorySlug', code: 'unknown-category', value: categorySlug });
  }
  const priceCents = int('priceCents', true, MAX_CENTS);
  const vatText = (raw.vatRate ?? '').trim();
  const vatRate = Number(vatText) as VatRate;
  if (vatText === '') errors.push({ field: 'vatRate', code: 'required' });
  else if (!VAT_RATES.includes(vatRate)) errors.push({ field: 'vatRate', code: 'vat-rate', value: vatText });
  const stock = int('stock', true, 1_000_000);
  const mailboxFit = bool('mailboxFit', false);
  const weightGrams = int('weightGrams', true, 1_000_000);
  const lengthMm = int('lengthMm', false, 10_000);
  const widthMm = int('widthMm', false, 10_000);
  const heightMm = int('heightMm', false, 10_000);
  if (mailboxFit && lengthMm !== null && widthMm !== null && heightMm !== null) {
    const [a, b, c] = [lengthMm, widthMm, heightMm].sort((x, y) => y - x);
    if (a! > MAILBOX_LIMITS.lengthMm || b! > MAILBOX_LIMITS.widthMm || c! > MAILBOX_LIMITS.heightMm) {
      errors.push({ field: 'mailboxFit', code: 'mailbox-too-big' });
    }
  }
  const descriptionNl = text('descriptionNl', false, 5000);
  const descriptionEn = text('descriptionEn', false, 5000);
  const active = bool('active', true);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      sku,
      nameNl,
      nameEn,
      categorySlug,
      priceCents: priceCents!,
      vatRate,
      stock: stock!,
      mailboxFit,
      weightGrams: weightGrams!,
      lengthMm,
      widthMm,
      heightMm,
      descriptionNl,
      descriptionEn,
      active,
    },
  };
}
