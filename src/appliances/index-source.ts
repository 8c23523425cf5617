import type { Ctx } from '../context.ts';
import type { BrandWords, IndexedAppliance } from './lookup-index.ts';

const PAGE = 20000;

/** Every brand with the words customers type for it, for the index's query parser. */
export async function brandWords(ctx: Ctx): Promise<BrandWords> {
  const rows = await ctx.db.selectFrom('brands').select(['name', 'words']).orderBy('name').execute();
  return rows.map((r) => ({ brand: r.name, words: parseWords(r.words) }));
}

/** Every appliance as the index keeps it, read in pages so a million rows never sit in one result. */
export async function* allIndexedAppliances(ctx: Ctx): AsyncGenerator<IndexedAppliance> {
  let after = '';
  for (;;) {
    const page = await ctx.db
      .selectFrom('appliances')
      .innerJoin('brands', 'brands.id', 'appliances.brand_id')
      .select(['appliances.id', 'brands.name as brand', 'appliances.model', 'appliances.order_count'])
      .where('appliances.id', '>', after)
      .orderBy('appliances.id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    yield* await withAliases(ctx, page);
    after = page.at(-1)!.id;
  }
}

/** The named appliances that still exist, as the index keeps them. */
export async function indexedAppliances(ctx: Ctx, ids: string[]): Promise<IndexedAppliance[]> {
  const result: IndexedAppliance[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const page = await ctx.db
      .selectFrom('appliances')
      .innerJoin('brands', 'brands.id', 'appliances.brand_id')
      .select(['appliances.id', 'brands.name as brand', 'appliances.model', 'appliances.order_count'])
      .where('appliances.id', 'in', ids.slice(i, i + 500))
      .execute();
    if (page.length > 0) result.push(...(await withAliases(ctx, page)));
  }
  return result;
}

type Row = { id: string; brand: string; model: string; order_count: number };

async function withAliases(ctx: Ctx, rows: Row[]): Promise<IndexedAppliance[]> {
  const aliases = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const found = await ctx.db
      .selectFrom('appliance_aliases')
      .select(['appliance_id', 'alias'])
      .where(
        'appliance_id',
        'in',
        rows.slice(i, i + 500).map((r) => r.id),
      )
      .execute();
    for (const a of found) {
      const list = aliases.get(a.appliance_id);
      if (list) list.push(a.alias);
      else aliases.set(a.appliance_id, [a.alias]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    brand: r.brand,
    model: r.model,
    aliases: aliases.get(r.id) ?? [],
    orderCount: Number(r.order_count),
  }));
}

function parseWords(json: string): string[] {
  try {
    const words = JSON.parse(json) as unknown;
    return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
