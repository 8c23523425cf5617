import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../../errors.ts';
import { formField } from '../../staff/pages/form-body.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { CategoryFormPage, CategoryListPage, type CategoryRow } from './category-pages.tsx';
import { CATEGORY_FIELDS, type CategoryField, type CategoryValues, saveCategory } from './save-category.ts';

/** Categories in the admin: list, create, edit. A taken slug comes back as 'conflict' on the form. */
export function registerCategoryRoutes(app: FastifyInstance): void {
  const { config } = app;
  const form = (
    request: FastifyRequest,
    id: string | null,
    values: CategoryValues,
    errors: Partial<Record<CategoryField, string>>,
  ) => <CategoryFormPage ctx={pageCtx(request, config)} id={id} values={values} errors={errors} />;

  app.get('/admin/categories', async (request, reply) => {
    const notice =
      (request.query as { done?: string }).done === 'saved' ? request.t('categories.saved') : undefined;
    return sendPage(
      reply,
      <CategoryListPage ctx={pageCtx(request, config)} categories={await listAll(request)} notice={notice} />,
    );
  });

  app.get('/admin/categories/new', async (request, reply) => {
    const empty = Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, ''])) as CategoryValues;
    return sendPage(reply, form(request, null, { ...empty, position: '0' }, {}));
  });

  app.get('/admin/categories/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const c = await request.ctx.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw new AppError('not-found');
    const values: CategoryValues = {
      slug: c.slug,
      nameNl: c.name_nl,
      nameEn: c.name_en,
      descriptionNl: c.description_nl,
      descriptionEn: c.description_en,
      position: String(c.position),
    };
    return sendPage(reply, form(request, id, values, {}));
  });

  for (const path of ['/admin/categories', '/admin/categories/:id']) {
    app.post(path, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? null;
      const values = Object.fromEntries(
        CATEGORY_FIELDS.map((f) => [f, formField(request.body, f)]),
      ) as CategoryValues;
      const result = await saveCategory(request.ctx, id, values);
      if (result.ok) return reply.redirect('/admin/categories?done=saved', 303);
      if (result.reason === 'not-found') throw new AppError('not-found');
      if (result.reason === 'conflict') {
        const message = errorMessage('conflict', request.locale, { reason: values.slug.trim() });
        return sendPage(reply, form(request, id, values, { slug: message }), 409);
      }
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([f, code]) => [f, request.t(`categories.problem.${code}`)]),
      ) as Partial<Record<CategoryField, string>>;
      return sendPage(reply, form(request, id, values, errors), 422);
    });
  }
}

async function listAll(request: FastifyRequest): Promise<CategoryRow[]> {
  const rows = await request.ctx.db
    .selectFrom('categories')
    .leftJoin('products', 'products.category_id', 'categories.id')
    .select((eb) => [
      'categories.id',
      'categories.slug',
      'categories.name_nl',
      'categories.name_en',
      'categories.position',
      eb.fn.count<number>('products.id').as('n'),
    ])
    .groupBy([
      'categories.id',
      'categories.slug',
      'categories.name_nl',
      'categories.name_en',
      'categories.position',
    ])
    .orderBy('categories.position')
    .orderBy('categories.slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: request.locale === 'nl' ? r.name_nl : r.name_en,
    position: r.position,
    productCount: Number(r.n),
  }));
}
