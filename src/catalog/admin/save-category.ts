import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';

export type CategoryField = 'slug' | 'nameNl' | 'nameEn' | 'descriptionNl' | 'descriptionEn' | 'position';
export const CATEGORY_FIELDS: readonly CategoryField[] = [
  'slug',
  'nameNl',
  'nameEn',
  'descriptionNl',
  'descriptionEn',
  'position',
];
export type CategoryValues = Record<CategoryField, string>;
export type CategoryProblem = 'required' | 'too-long' | 'slug-format' | 'position' | 'control-characters';
export type SaveCategoryResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<CategoryField, CategoryProblem>> }
  | { ok: false; reason: 'conflict' }
  | { ok: false; reason: 'not-found' };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Creates (id null) or changes a category. The slug is what its storefront address says (`/c/{slug}`): a–z, 0–9
 * and single dashes, and unique — a taken slug is a 'conflict', checked in the same transaction as the write.
 */
export async function saveCategory(
  ctx: Ctx,
  id: string | null,
  raw: CategoryValues,
): Promise<SaveCategoryResult> {
  const errors: Partial<Record<CategoryField, CategoryProblem>> = {};
  const v = Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, raw[f].trim()])) as CategoryValues;
  const limits: Record<CategoryField, [boolean, number]> = {
    slug: [true, 80],
    nameNl: [true, 200],
    nameEn: [true, 200],
    descriptionNl: [false, 5000],
    descriptionEn: [false, 5000],
    position: [false, 10],
  };
  for (const f of CATEGORY_FIELDS) {
    const [required, max] = limits[f];
    if (required && v[f] === '') errors[f] = 'required';
    else if (v[f].length > max) errors[f] = 'too-long';
    else if (CONTROL.test(v[f])) errors[f] = 'control-characters';
  }
  if (!errors.slug && !SLUG.test(v.slug)) errors.slug = 'slug-format';
  const position = v.position === '' ? 0 : Number(v.position);
  if (!errors.position && (!/^\d+$/.test(v.position || '0') || position > 100_000))
    errors.position = 'position';
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const now = isoNow(ctx.clock);
  const columns = {
    slug: v.slug,
    name_nl: v.nameNl,
    name_en: v.nameEn,
    description_nl: v.descriptionNl,
    description_en: v.descriptionEn,
    position,
    updated_at: now,
  };
  return ctx.db.transaction().execute(async (trx): Promise<SaveCategoryResult> => {
    let taken = trx.selectFrom('categories').select('id').where('slug', '=', v.slug);
    if (id) taken = taken.where('id', '!=', id);
    if (await taken.executeTakeFirst()) return { ok: false, reason: 'conflict' };
    if (id) {
      const r = await trx.updateTable('categories').set(columns).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? { ok: true, id } : { ok: false, reason: 'not-found' };
    }
    const newCategoryId = newId(ctx.clock.now().epochMilliseconds);
    await trx
      .insertInto('categories')
      .values({ id: newCategoryId, created_at: now, ...columns })
      .execute();
    return { ok: true, id: newCategoryId };
  });
}
