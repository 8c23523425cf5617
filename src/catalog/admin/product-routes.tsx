import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { categoryIdsBySlug, saveProduct } from '../save-product.ts';
import { categoryOptions, listAdminProducts, type ProductForEdit, productForEdit } from './admin-products.ts';
import {
  emptyProductForm,
  type ProductFormError,
  type ProductFormValues,
  productFormValues,
  readProductForm,
} from './product-form.ts';
import { ProductFormPage } from './product-form-page.tsx';
import { ProductListPage } from './product-list-page.tsx';

const PER_PAGE = 50;
const NOTICES: Record<string, MessageKey> = {
  saved: 'products.saved',
  added: 'images.added',
  deleted: 'images.deleted',
  moved: 'images.moved',
  alt: 'images.altSaved',
};

/** The edit page of a stored product, optionally with a refused form's values and errors or an image problem. */
export async function editPage(
  request: FastifyRequest,
  product: ProductForEdit,
  extra: {
    values?: ProductFormValues;
    errors?: ProductFormError[];
    notice?: string;
    imageError?: string;
  } = {},
) {
  return (
    <ProductFormPage
      ctx={pageCtx(request, request.server.config)}
      product={product}
      values={extra.values ?? productFormValues(product.input, request.locale)}
      errors={extra.errors ?? []}
      categories={await categoryOptions(request.ctx)}
      notice={extra.notice}
      imageError={extra.imageError}
    />
  );
}

/** Loads a product for an admin route, or answers 404. */
export async function productOr404(request: FastifyRequest, id: string): Promise<ProductForEdit> {
  const product = await productForEdit(request.ctx, id);
  if (!product) throw new AppError('not-found');
  return product;
}

/** Products in the admin: list and search, create, edit (price changes land in the price history). */
export function registerProductRoutes(app: FastifyInstance): void {
  app.get('/admin/products', async (request, reply) => {
    const q = String((request.query as { q?: unknown }).q ?? '')
      .trim()
      .slice(0, 100);
    const requested = Number((request.query as { page?: string }).page ?? '1');
    const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
    const { total, items } = await listAdminProducts(request.ctx, q, {
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return sendPage(
      reply,
      <ProductListPage
        ctx={pageCtx(request, app.config)}
        query={q}
        products={items}
        total={total}
        page={page}
        pages={pages}
      />,
    );
  });

  app.get('/admin/products/new', async (request, reply) => {
    return sendPage(reply, await newPage(request, emptyProductForm(), []));
  });

  app.post('/admin/products', async (request, reply) => {
    const categories = await categoryIdsBySlug(request.ctx);
    const form = readProductForm(request.body, new Set(categories.keys()));
    if (!form.ok) return sendPage(reply, await newPage(request, form.values, form.errors), 422);
    const input = form.input;
    const saved = await request.ctx.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('products')
        .select('id')
        .where('sku', '=', input.sku)
        .executeTakeFirst();
      if (taken) return null;
      return saveProduct({ ...request.ctx, db: trx }, input, categories);
    });
    if (!saved) {
      const errors: ProductFormError[] = [{ field: 'sku', code: 'sku-taken', value: input.sku }];
      return sendPage(reply, await newPage(request, form.values, errors), 422);
    }
    return reply.redirect(`/admin/products/${saved.id}?done=saved`, 303);
  });

  app.get('/admin/products/:id', async (request, reply) => {
    const product = await productOr404(request, (request.params as { id: string }).id);
    const notice = NOTICES[String((request.query as { done?: string }).done)];
    return sendPage(reply, await editPage(request, product, notice ? { notice: request.t(notice) } : {}));
  });

  app.post('/admin/products/:id', async (request, reply) => {
    const product = await productOr404(request, (request.params as { id: string }).id);
    const categories = await categoryIdsBySlug(request.ctx);
    const form = readProductForm(request.body, new Set(categories.keys()), product.input.sku);
    if (!form.ok)
      return sendPage(
        reply,
        await editPage(request, product, { values: form.values, errors: form.errors }),
        422,
      );
    const input = form.input;
    await request.ctx.db
      .transaction()
      .execute((trx) => saveProduct({ ...request.ctx, db: trx }, input, categories));
    return reply.redirect(`/admin/products/${product.id}?done=saved`, 303);
  });
}

async function newPage(request: FastifyRequest, values: ProductFormValues, errors: ProductFormError[]) {
  return (
    <ProductFormPage
      ctx={pageCtx(request, request.server.config)}
      product={null}
      values={values}
      errors={errors}
      categories={await categoryOptions(request.ctx)}
    />
  );
}
