import { formField } from '../../staff/pages/form-body.ts';
import { CONTROL_CHARACTERS, MULTI_LINE_CONTROL } from '../control-characters.ts';
import { normaliseModel } from '../normalise-model.ts';
import { APPLIANCE_CATEGORIES, type ApplianceCategory } from '../tables.ts';

/** The fields of the appliance form, as typed. */
export type ApplianceFormValues = {
  brandId: string;
  newBrand: string;
  model: string;
  name: string;
  category: string;
  aliases: string;
  notes: string;
};
export type ApplianceFormField = keyof ApplianceFormValues;
export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'unknown-category'
  | 'unknown-brand'
  | 'too-many'
  | 'model-taken';
export type ApplianceFormError = { field: ApplianceFormField; code: FieldProblem; value?: string };

/** A checked appliance: brand by id, or by a (possibly new) name when `newBrand` is filled in. */
export type ApplianceInput = {
  brandId: string | null;
  newBrand: string;
  model: string;
  name: string;
  category: ApplianceCategory;
  aliases: string[];
  notes: string;
};

const MAX: Partial<Record<ApplianceFormField, number>> = {
  newBrand: 80,
  model: 100,
  name: 200,
  notes: 1000,
};
const MAX_ALIASES = 50;

export function emptyApplianceForm(prefill: Partial<ApplianceFormValues> = {}): ApplianceFormValues {
  return {
    brandId: '',
    newBrand: '',
    model: '',
    name: '',
    category: 'vacuum',
    aliases: '',
    notes: '',
    ...prefill,
  };
}

/**
 * Reads and checks a posted appliance form with the import's limits: brand (chosen or typed), model with at
 * least one letter or digit, a known category, aliases one per line (at most 50, each like a model number).
 * Uniqueness of brand + model needs the database and is the use case's to check.
 */
export function readApplianceForm(
  body: unknown,
):
  | { ok: true; input: ApplianceInput; values: ApplianceFormValues }
  | { ok: false; errors: ApplianceFormError[]; values: ApplianceFormValues } {
  const values: ApplianceFormValues = {
    brandId: formField(body, 'brandId').trim(),
    newBrand: formField(body, 'newBrand').trim(),
    model: formField(body, 'model').trim(),
    name: formField(body, 'name').trim(),
    category: formField(body, 'category').trim(),
    aliases: formField(body, 'aliases'),
    notes: formField(body, 'notes').trim(),
  };
  const errors: ApplianceFormError[] = [];
  if (values.brandId === '' && normaliseModel(values.newBrand) === '')
    errors.push({ field: 'brandId', code: 'required' });
  if (normaliseModel(values.model) === '') errors.push({ field: 'model', code: 'required' });
  for (const [field, max] of Object.entries(MAX) as [ApplianceFormField, number][]) {
    if ([...values[field]].length > max) errors.push({ field, code: 'too-long', value: String(max) });
  }
  for (const field of ['newBrand', 'model', 'name'] as const) {
    if (CONTROL_CHARACTERS.test(values[field])) errors.push({ field, code: 'control-characters' });
  }
  if (MULTI_LINE_CONTROL.test(values.notes)) errors.push({ field: 'notes', code: 'control-characters' });
  if (!(APPLIANCE_CATEGORIES as readonly string[]).includes(values.category))
    errors.push({ field: 'category', code: 'unknown-category', value: values.category });
  const aliases = aliasLines(values.aliases);
  if (aliases.length > MAX_ALIASES)
    errors.push({ field: 'aliases', code: 'too-many', value: String(MAX_ALIASES) });
  const longAlias = aliases.find((a) => [...a].length > 100);
  if (longAlias) errors.push({ field: 'aliases', code: 'too-long', value: '100' });
  if (aliases.some((a) => CONTROL_CHARACTERS.test(a)))
    errors.push({ field: 'aliases', code: 'control-characters' });
  if (errors.length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    input: {
      brandId: values.brandId === '' ? null : values.brandId,
      newBrand: values.newBrand,
      model: values.model,
      name: values.name,
      category: values.category as ApplianceCategory,
      aliases,
      notes: values.notes,
    },
  };
}

/** Aliases typed one per line: trimmed, blank lines and repeats (after normalising) dropped. */
export function aliasLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const alias = line.trim();
    const norm = normaliseModel(alias);
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    out.push(alias);
  }
  return out;
}
