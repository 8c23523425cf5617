import type { Ctx } from '../context.ts';
import { lockedPrices, type PricedUnits, pricedUnits } from '../replenishment/price-lock.ts';

export type CartLineView = {
  sku: string;
  slug: string;
  name: string;
  quantity: number;
  /** Today's price, or the promised one when a reminder's price covers every unit of the line. */
  unitPriceCents: number;
  lineTotalCents: number;
  /**
   * The units by price: one part, or two when a reminder's price covers only some units (those first) and the
   * rest pay today's price.
   */
  prices: PricedUnits[];
  vatRate: number;
  stock: number;
  mailboxFit: boolean;
  weightGrams: number;
  /** True when the shop has fewer units than the line asks for. */
  shortOfStock: boolean;
};

export type CartView = {
  id: string;
  lines: CartLineView[];
  itemCount: number;
  totalCents: number;
  /** VAT included in the total, per rate: { 21: 412 } */
  vatCents: Record<string, number>;
  weightGrams: number;
  allMailboxFit: boolean;
};

/**
 * The cart with today's prices (or a lower price promised on a line by a reminder, for the reminder's quantity,
 * while it holds: what `placeOrder` will charge); prices include VAT, so the VAT shown is the part of the price
 * that is tax.
 */
export async function viewCart(ctx: Ctx, cartId: string): Promise<CartView | null> {
  const cart = await ctx.db.selectFrom('carts').select('id').where('id', '=', cartId).executeTakeFirst();
  if (!cart) return null;
  const rows = await ctx.db
    .selectFrom('cart_lines')
    .innerJoin('products', 'products.id', 'cart_lines.product_id')
    .select([
      'products.id',
      'products.sku',
      'products.slug',
      'products.name_nl',
      'products.name_en',
      'products.price_cents',
      'products.vat_rate',
      'products.stock',
      'products.mailbox_fit',
      'products.weight_grams',
      'cart_lines.quantity',
    ])
    .where('cart_lines.cart_id', '=', cartId)
    .where('products.active', '=', 1)
    .orderBy('cart_lines.added_at')
    .orderBy('products.sku')
    .execute();
  const locks = await lockedPrices(ctx, cartId);
  const lines = rows.map((r) => {
    const prices = pricedUnits(r.price_cents, r.quantity, locks.get(r.id));
    return {
      sku: r.sku,
      slug: r.slug,
      name: ctx.locale === 'nl' ? r.name_nl : r.name_en,
      quantity: r.quantity,
      unitPriceCents: prices.length === 1 ? prices[0]!.unitPriceCents : r.price_cents,
      lineTotalCents: prices.reduce((n, p) => n + p.unitPriceCents * p.quantity, 0),
      prices,
      vatRate: r.vat_rate,
      stock: r.stock,
      mailboxFit: r.mailbox_fit === 1,
      weightGrams: r.weight_grams * r.quantity,
      shortOfStock: r.stock < r.quantity,
    };
  });
  const vatCents: Record<string, number> = {};
  for (const l of lines) {
    if (l.vatRate === 0) continue;
    // VAT contained in a gross price: gross × rate / (100 + rate), rounded per order line (a part of the line)
    for (const p of l.prices)
      vatCents[l.vatRate] =
        (vatCents[l.vatRate] ?? 0) +
        Math.round((p.unitPriceCents * p.quantity * l.vatRate) / (100 + l.vatRate));
  }
  return {
    id: cart.id,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    totalCents: lines.reduce((n, l) => n + l.lineTotalCents, 0),
    vatCents,
    weightGrams: lines.reduce((n, l) => n + l.weightGrams, 0),
    allMailboxFit: lines.length > 0 && lines.every((l) => l.mailboxFit),
  };
}
