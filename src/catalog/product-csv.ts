import type { RawProduct } from './product-rules.ts';

/** The product CSV format, relied on by outside tools: exactly these columns; the last two may be absent. */
export const PRODUCT_CSV_COLUMNS = [
  'sku',
  'name_nl',
  'name_en',
  'category',
  'price_cents',
  'vat_rate',
  'stock',
  'mailbox_fit',
  'weight_grams',
  'description_nl',
  'description_en',
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];
export const OPTIONAL_PRODUCT_COLUMNS: readonly ProductCsvColumn[] = ['description_nl', 'description_en'];

export const CSV_FIELD: Record<ProductCsvColumn, keyof RawProduct> = {
  sku: 'sku',
  name_nl: 'nameNl',
  name_en: 'nameEn',
  category: 'categorySlug',
  price_cents: 'priceCents',
  vat_rate: 'vatRate',
  stock: 'stock',
  mailbox_fit: 'mailboxFit',
  weight_grams: 'weightGrams',
  description_nl: 'descriptionNl',
  description_en: 'descriptionEn',
};

/** Field name → CSV column, for reporting a rule error in the file's own words. */
export const FIELD_COLUMN: Partial<Record<keyof RawProduct, string>> = Object.fromEntries(
  Object.entries(CSV_FIELD).map(([column, field]) => [field, column]),
);
