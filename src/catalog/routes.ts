import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { ErrorSchema, LangQuery } from '../web/api-schemas.ts';
import { CategorySchema, ProductSchema, presentCategory, presentProduct } from './present-product.ts';
import { listCategories, listProducts, productBySku } from './queries.ts';

const Lang = LangQuery;

/** Read-only catalog API under /api/v1. */
export function registerCatalogApi(app: FastifyInstance): void {
  const currency = app.config.currency;

  app.get(
    '/api/v1/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List products, optionally by category or matching a text',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          category: Type.Optional(Type.String({ maxLength: 80 })),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 24 }),
          offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
          lang: Lang,
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            limit: Type.Integer(),
            offset: Type.Integer(),
            items: Type.Array(ProductSchema),
          }),
          400: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { q, category, limit, offset } = request.query as {
        q?: string;
        category?: string;
        limit: number;
        offset: number;
      };
      const { total, items } = await listProducts(
        request.ctx,
        { query: q, categorySlug: category },
        { limit, offset },
      );
      return { total, limit, offset, items: items.map((p) => presentProduct(p, currency)) };
    },
  );

  app.get(
    '/api/v1/products/:sku',
    {
      config: { pageCache: true },
      schema: {
        tags: ['catalog'],
        summary: 'One product by SKU',
        params: Type.Object({ sku: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ lang: Lang }),
        response: { 200: ProductSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { sku } = request.params as { sku: string };
      const product = await productBySku(request.ctx, sku);
      if (!product) throw new AppError('not-found');
      return presentProduct(product, currency);
    },
  );

  app.get(
    '/api/v1/categories',
    {
      config: { pageCache: true },
      schema: {
        tags: ['catalog'],
        summary: 'All categories with their number of products',
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }) },
      },
    },
    async (request) => ({ items: (await listCategories(request.ctx)).map(presentCategory) }),
  );

  app.get(
    '/api/v1/categories/:slug',
    {
      config: { pageCache: true },
      schema: {
        tags: ['catalog'],
        summary: 'One category with its products',
        params: Type.Object({ slug: Type.String({ maxLength: 80 }) }),
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 24 }),
          offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
          lang: Lang,
        }),
        response: {
          200: Type.Object({
            category: CategorySchema,
            total: Type.Integer(),
            items: Type.Array(ProductSchema),
          }),
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { slug } = request.params as { slug: string };
      const { limit, offset } = request.query as { limit: number; offset: number };
      const category = (await listCategories(request.ctx)).find((c) => c.slug === slug);
      if (!category) throw new AppError('not-found');
      const { total, items } = await listProducts(request.ctx, { categorySlug: slug }, { limit, offset });
      return {
        category: presentCategory(category),
        total,
        items: items.map((p) => presentProduct(p, currency)),
      };
    },
  );
}
