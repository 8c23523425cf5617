import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';

type Text = { nl: string; en: string };

/** A brand's type-plate guide: the words that name it, the plate field holding the model number, where the plate sits. */
export type BrandGuideInput = {
  brand: string;
  words: string[];
  modelField: Text;
  plateLocation: { vacuum: Text; coffee: Text };
};

/** Creates or updates brands by name with their guide; the lookup index must be refreshed ('all') afterwards. */
export async function saveBrandGuides(ctx: Ctx, guides: BrandGuideInput[]): Promise<void> {
  if (guides.length === 0) return;
  const now = isoNow(ctx.clock);
  await ctx.db
    .insertInto('brands')
    .values(
      guides.map((g) => ({
        id: newId(),
        name: g.brand,
        words: JSON.stringify(g.words),
        model_field_nl: g.modelField.nl,
        model_field_en: g.modelField.en,
        plate_vacuum_nl: g.plateLocation.vacuum.nl,
        plate_vacuum_en: g.plateLocation.vacuum.en,
        plate_coffee_nl: g.plateLocation.coffee.nl,
        plate_coffee_en: g.plateLocation.coffee.en,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        words: eb.ref('excluded.words'),
        model_field_nl: eb.ref('excluded.model_field_nl'),
        model_field_en: eb.ref('excluded.model_field_en'),
        plate_vacuum_nl: eb.ref('excluded.plate_vacuum_nl'),
        plate_vacuum_en: eb.ref('excluded.plate_vacuum_en'),
        plate_coffee_nl: eb.ref('excluded.plate_coffee_nl'),
        plate_coffee_en: eb.ref('excluded.plate_coffee_en'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** A brand's guide in one language, for the storefront's "Where do I find my type number?". */
export type BrandGuideView = {
  name: string;
  words: string[];
  modelField: string;
  plate: { vacuum: string; coffee: string };
};

export async function listBrandGuides(ctx: Ctx): Promise<BrandGuideView[]> {
  const rows = await ctx.db.selectFrom('brands').selectAll().orderBy('name').execute();
  const nl = ctx.locale === 'nl';
  return rows.map((r) => ({
    name: r.name,
    words: JSON.parse(r.words) as string[],
    modelField: nl ? r.model_field_nl : r.model_field_en,
    plate: {
      vacuum: nl ? r.plate_vacuum_nl : r.plate_vacuum_en,
      coffee: nl ? r.plate_coffee_nl : r.plate_coffee_en,
    },
  }));
}
