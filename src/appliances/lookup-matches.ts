import type { Ctx } from '../context.ts';
import type { LookupHit } from './lookup-index.ts';
import { pickVariant } from './serial-range.ts';
import type { ApplianceCategory } from './tables.ts';

export type MatchProduct = {
  sku: string;
  name: string;
  priceCents: number;
  inStock: boolean;
  note?: string;
  /** For the delivery promise (mailbox parcel or parcel); not part of the API answer. */
  mailboxFit: boolean;
  weightGrams: number;
};

/** One appliance as the lookup answers it: what the customer sees before adding to the cart. */
export type LookupMatch = {
  /** The appliance's id, for its page (/a/:id). */
  id: string;
  brand: string;
  model: string;
  name: string;
  category: ApplianceCategory;
  match: LookupHit['match'];
  /** The variant the serial picked; null when no serial was given or none applies. */
  variant: string | null;
  /** Variants take different products and the serial did not settle which: ask for it. */
  needsSerial: boolean;
  /** Labels of all the appliance's variants (production series), to show next to the serial question. */
  variants: string[];
  products: MatchProduct[];
  notes: string;
};

type Fit = { appliance_id: string; variant_id: string | null; product: MatchProduct };

/**
 * Turns index hits into matches, in the hits' order, with brand, variants and the active products that fit.
 * With a serial the picked variant's products join the appliance-wide ones; without one, variants that agree
 * on their products need no serial and add them, variants that differ set `needsSerial` and add nothing.
 */
export async function lookupMatches(ctx: Ctx, hits: LookupHit[], serial: string): Promise<LookupMatch[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const [appliances, variants, fits] = await Promise.all([
    ctx.db
      .selectFrom('appliances')
      .innerJoin('brands', 'brands.id', 'appliances.brand_id')
      .select([
        'appliances.id',
        'brands.name as brand',
        'appliances.model',
        'appliances.name',
        'appliances.category',
        'appliances.notes',
      ])
      .where('appliances.id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('appliance_variants')
      .select(['id', 'appliance_id', 'label', 'serial_from as serialFrom', 'serial_to as serialTo', 'notes'])
      .where('appliance_id', 'in', ids)
      .orderBy('label')
      .execute(),
    ctx.db
      .selectFrom('compatibility')
      .innerJoin('products', 'products.id', 'compatibility.product_id')
      .select([
        'compatibility.appliance_id',
        'compatibility.variant_id',
        'compatibility.note',
        'products.sku',
        'products.name_nl',
        'products.name_en',
        'products.price_cents',
        'products.stock',
        'products.mailbox_fit',
        'products.weight_grams',
      ])
      .where('compatibility.appliance_id', 'in', ids)
      .where('products.active', '=', 1)
      .orderBy('products.sku')
      .execute(),
  ]);
  const byId = new Map(appliances.map((a) => [a.id, a]));
  const fitsOf = new Map<string, Fit[]>();
  for (const f of fits) {
    const fit: Fit = {
      appliance_id: f.appliance_id,
      variant_id: f.variant_id,
      product: {
        sku: f.sku,
        name: ctx.locale === 'nl' ? f.name_nl : f.name_en,
        priceCents: f.price_cents,
        inStock: f.stock > 0,
        mailboxFit: f.mailbox_fit === 1,
        weightGrams: f.weight_grams,
        ...(f.note ? { note: f.note } : {}),
      },
    };
    fitsOf.set(f.appliance_id, [...(fitsOf.get(f.appliance_id) ?? []), fit]);
  }

  const matches: LookupMatch[] = [];
  for (const hit of hits) {
    const a = byId.get(hit.id);
    if (!a) continue;
    const own = fitsOf.get(a.id) ?? [];
    const skusOf = (variantId: string | null) =>
      own.filter((f) => f.variant_id === variantId).map((f) => f.product);
    const list = variants.filter((v) => v.appliance_id === a.id);
    const sets = new Set(
      list.map((v) =>
        skusOf(v.id)
          .map((p) => p.sku)
          .join('|'),
      ),
    );
    const picked = serial ? pickVariant(list, serial) : null;
    const agree = list.length > 0 && sets.size === 1;
    const extra = picked ? skusOf(picked.id) : agree ? skusOf(list[0]!.id) : [];
    matches.push({
      id: a.id,
      brand: a.brand,
      model: a.model,
      name: a.name,
      category: a.category,
      match: hit.match,
      variant: picked?.label ?? null,
      needsSerial: picked === null && sets.size > 1,
      variants: list.map((v) => v.label),
      products: unique([...skusOf(null), ...extra]),
      notes: [a.notes, picked?.notes ?? ''].filter((n) => n !== '').join(' '),
    });
  }
  return matches;
}

function unique(products: MatchProduct[]): MatchProduct[] {
  const seen = new Map<string, MatchProduct>();
  for (const p of products) if (!seen.has(p.sku)) seen.set(p.sku, p);
  return [...seen.values()].sort((x, y) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0));
}
