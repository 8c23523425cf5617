import type { Ctx } from '../context.ts';
import { honouredPrice, lockedPrices } from '../replenishment/price-lock.ts';

export type CartLineView = {
  sku: string;
  slug: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
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
 * The cart with today's prices (or a lower price promised on a line by a reminder, while it holds: the price
 * `placeOrder` will charge); prices include VAT, so the VAT shown is the part of the price that is tax.
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
  const lines = rows.map((r) => ({
    sku: r.sku,
    slug: r.slug,
    name: ctx.locale === 'nl' ? r.name_nl : r.name_en,
    quantity: r.quantity,
    unitPriceCents: honouredPrice(r.price_cents, locks.get(r.id)),
    lineTotalCents: honouredPrice(r.price_cents, locks.get(r.id)) * r.quantity,
    vatRate: r.vat_rate,
    stock: r.stock,
    mailboxFit: r.mailbox_fit === 1,
    weightGrams: r.weight_grams * r.quantity,
    shortOfStock: r.stock < r.quantity,
  }));
  const vatCents: Record<string, number> = {};
  for (const l of lines) {
    if (l.vatRate === 0) continue;
    // VAT contained in a gross price: gross × rate / (100 + rate), rounded per line
    vatCents[l.vatRate] =
      (vatCents[l.vatRate] ?? 0) + Math.round((l.lineTotalCents * l.vatRate) / (100 + l.vatRate));
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
