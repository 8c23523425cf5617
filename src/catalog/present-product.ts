import { type Static, Type } from 'typebox';
import type { CategoryView, ProductView } from './queries.ts';

export const ProductSchema = Type.Object(
  {
    sku: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    category: Type.Object({ slug: Type.String(), name: Type.String() }),
    priceCents: Type.Integer({ description: 'Price including VAT, in cents' }),
    currency: Type.String(),
    vatRate: Type.Integer({ enum: [0, 9, 21] }),
    lowest30DaysCents: Type.Union([Type.Integer(), Type.Null()], {
      description:
        'When the price is reduced: the lowest price of the 30 days before the reduction (EU Omnibus)',
    }),
    inStock: Type.Boolean(),
    stock: Type.Integer(),
    mailboxFit: Type.Boolean({ description: 'Fits a Dutch mailbox parcel (38 × 26.5 × 3.2 cm)' }),
    weightGrams: Type.Integer(),
    dimensionsMm: Type.Union([
      Type.Object({ length: Type.Integer(), width: Type.Integer(), height: Type.Integer() }),
      Type.Null(),
    ]),
    images: Type.Array(
      Type.Object({ url: Type.String(), alt: Type.String(), width: Type.Integer(), height: Type.Integer() }),
    ),
    url: Type.String({ description: 'The product page' }),
  },
  { $id: 'Product' },
);
export type ProductJson = Static<typeof ProductSchema>;

export const CategorySchema = Type.Object(
  { slug: Type.String(), name: Type.String(), description: Type.String(), productCount: Type.Integer() },
  { $id: 'Category' },
);

/** The API's product: a whitelist of fields, never the row. */
export function presentProduct(p: ProductView, currency: string): ProductJson {
  return {
    sku: p.sku,
    slug: p.slug,
    name: p.name,
    description: p.description,
    category: p.category,
    priceCents: p.priceCents,
    currency,
    vatRate: p.vatRate,
    lowest30DaysCents: p.lowest30DaysCents,
    inStock: p.stock > 0,
    stock: p.stock,
    mailboxFit: p.mailboxFit,
    weightGrams: p.weightGrams,
    dimensionsMm: p.dimensionsMm,
    images: p.images.map((i) => ({
      url: `/images/${i.id}/large.webp`,
      alt: i.alt,
      width: i.width,
      height: i.height,
    })),
    url: `/p/${p.slug}`,
  };
}

export function presentCategory(c: CategoryView) {
  return { slug: c.slug, name: c.name, description: c.description, productCount: c.productCount };
}
