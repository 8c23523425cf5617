import { formField } from '../../staff/pages/form-body.ts';
import { CONTROL_CHARACTERS } from '../control-characters.ts';
import type { BrandGuideInput } from '../save-brand-guides.ts';

export const BRAND_TEXT_FIELDS = [
  'modelFieldNl',
  'modelFieldEn',
  'plateVacuumNl',
  'plateVacuumEn',
  'plateCoffeeNl',
  'plateCoffeeEn',
] as const;
export type BrandFormValues = Record<(typeof BRAND_TEXT_FIELDS)[number] | 'words', string>;
export type BrandFormField = keyof BrandFormValues;
export type BrandFormError = {
  field: BrandFormField;
  code: 'too-long' | 'too-many' | 'control-characters';
  value?: string;
};

const MAX_TEXT = 300;
const MAX_WORDS = 20;
const MAX_WORD = 40;
/** A brand's stored guide as form values. */
export function brandFormValues(b: {
  words: string;
  model_field_nl: string;
  model_field_en: string;
  plate_vacuum_nl: string;
  plate_vacuum_en: string;
  plate_coffee_nl: string;
  plate_coffee_en: string;
}): BrandFormValues {
  let words: string[] = [];
  try {
    const parsed = JSON.parse(b.words) as unknown;
    if (Array.isArray(parsed)) words = parsed.filter((w): w is string => typeof w === 'string');
  } catch {}
  return {
    words: words.join('\n'),
    modelFieldNl: b.model_field_nl,
    modelFieldEn: b.model_field_en,
    plateVacuumNl: b.plate_vacuum_nl,
    plateVacuumEn: b.plate_vacuum_en,
    plateCoffeeNl: b.plate_coffee_nl,
    plateCoffeeEn: b.plate_coffee_en,
  };
}

/**
 * Reads a posted type-plate guide: the words customers type for the brand (one per line, lower-cased, at most
 * 20), the plate field holding the model number and where the plate sits per category, in both languages.
 */
export function readBrandForm(
  body: unknown,
  brand: string,
):
  | { ok: true; input: BrandGuideInput; values: BrandFormValues }
  | { ok: false; errors: BrandFormError[]; values: BrandFormValues } {
  const values = {
    words: formField(body, 'words'),
    ...Object.fromEntries(BRAND_TEXT_FIELDS.map((f) => [f, formField(body, f).trim()])),
  } as BrandFormValues;
  const errors: BrandFormError[] = [];
  for (const f of BRAND_TEXT_FIELDS) {
    if ([...values[f]].length > MAX_TEXT)
      errors.push({ field: f, code: 'too-long', value: String(MAX_TEXT) });
    if (CONTROL_CHARACTERS.test(values[f])) errors.push({ field: f, code: 'control-characters' });
  }
  const words = [
    ...new Set(
      values.words
        .split(/\r?\n/)
        .map((w) => w.trim().toLowerCase())
        .filter((w) => w !== ''),
    ),
  ];
  if (words.length > MAX_WORDS) errors.push({ field: 'words', code: 'too-many', value: String(MAX_WORDS) });
  if (words.some((w) => [...w].length > MAX_WORD))
    errors.push({ field: 'words', code: 'too-long', value: String(MAX_WORD) });
  if (words.some((w) => CONTROL_CHARACTERS.test(w)))
    errors.push({ field: 'words', code: 'control-characters' });
  if (errors.length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    input: {
      brand,
      words,
      modelField: { nl: values.modelFieldNl, en: values.modelFieldEn },
      plateLocation: {
        vacuum: { nl: values.plateVacuumNl, en: values.plateVacuumEn },
        coffee: { nl: values.plateCoffeeNl, en: values.plateCoffeeEn },
      },
    },
  };
}
