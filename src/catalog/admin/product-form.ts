import type { Locale } from '../../config.ts';
import { formChecked, formField } from '../../staff/pages/form-body.ts';
import { type ProductInput, parseProduct, type RawProduct, type RuleCode } from '../product-rules.ts';
import { formatEuros, parseEuros } from './parse-euros.ts';

/** The admin product form's fields: ProductInput's, except that the price is typed in euros. */
export const PRODUCT_TEXT_FIELDS = [
  'sku',
  'nameNl',
  'nameEn',
  'descriptionNl',
  'descriptionEn',
  'categorySlug',
  'price',
  'vatRate',
  'stock',
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
] as const;
export type ProductFormField = (typeof PRODUCT_TEXT_FIELDS)[number] | 'mailboxFit' | 'active';

/** What the form shows: the typed text of every field, so a refused form comes back as it was sent. */
export type ProductFormValues = Record<(typeof PRODUCT_TEXT_FIELDS)[number], string> & {
  mailboxFit: boolean;
  active: boolean;
};
export type ProductFormError = {
  field: ProductFormField;
  code: RuleCode | 'price' | 'sku-taken';
  value?: string;
};

export function emptyProductForm(): ProductFormValues {
  const values = Object.fromEntries(PRODUCT_TEXT_FIELDS.map((f) => [f, ''])) as unknown as ProductFormValues;
  return { ...values, vatRate: '21', stock: '0', weightGrams: '0', mailboxFit: false, active: true };
}

/** A stored product as form values, the price in the admin's own notation. */
export function productFormValues(p: ProductInput, locale: Locale): ProductFormValues {
  const n = (v: number | null) => (v === null ? '' : String(v));
  return {
    sku: p.sku,
    nameNl: p.nameNl,
    nameEn: p.nameEn,
    descriptionNl: p.descriptionNl,
    descriptionEn: p.descriptionEn,
    categorySlug: p.categorySlug,
    price: formatEuros(p.priceCents, locale),
    vatRate: String(p.vatRate),
    stock: String(p.stock),
    weightGrams: String(p.weightGrams),
    lengthMm: n(p.lengthMm),
    widthMm: n(p.widthMm),
    heightMm: n(p.heightMm),
    mailboxFit: p.mailboxFit,
    active: p.active,
  };
}

/**
 * Reads a posted product form and validates it with the same rules as the CSV import and the API (parseProduct),
 * plus the euro price. On an edit the SKU is the stored one, whatever was posted. Unticked boxes mean false.
 */
export function readProductForm(
  body: unknown,
  knownCategories: ReadonlySet<string>,
  storedSku?: string,
):
  | { ok: true; input: ProductInput; values: ProductFormValues }
  | { ok: false; errors: ProductFormError[]; values: ProductFormValues } {
  const values = {
    ...(Object.fromEntries(
      PRODUCT_TEXT_FIELDS.map((f) => [f, formField(body, f)]),
    ) as unknown as ProductFormValues),
    mailboxFit: formChecked(body, 'mailboxFit'),
    active: formChecked(body, 'active'),
  };
  if (storedSku !== undefined) values.sku = storedSku;
  const cents = parseEuros(values.price);
  const errors: ProductFormError[] = [];
  if (values.price.trim() === '') errors.push({ field: 'price', code: 'required' });
  else if (cents === null) errors.push({ field: 'price', code: 'price', value: values.price });
  const raw: RawProduct = {
    sku: values.sku,
    nameNl: values.nameNl,
    nameEn: values.nameEn,
    descriptionNl: values.descriptionNl,
    descriptionEn: values.descriptionEn,
    categorySlug: values.categorySlug,
    priceCents: String(cents ?? 0),
    vatRate: values.vatRate,
    stock: values.stock,
    weightGrams: values.weightGrams,
    lengthMm: values.lengthMm,
    widthMm: values.widthMm,
    heightMm: values.heightMm,
    mailboxFit: values.mailboxFit ? 'true' : 'false',
    active: values.active ? 'true' : 'false',
  };
  const parsed = parseProduct(raw, knownCategories);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      errors.push({
        field: e.field === 'priceCents' ? 'price' : e.field,
        code: e.code,
        ...(e.value ? { value: e.value } : {}),
      });
    }
  }
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors, values };
  return { ok: true, input: parsed.value, values };
}
