import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { saveBrandGuides } from '../save-brand-guides.ts';
import { brandFormValues, readBrandForm } from './brand-form.ts';
import { BrandFormPage, BrandListPage } from './brand-pages.tsx';

/** Brands and their type-plate guides; a change rebuilds the lookup (brand words steer every query). */
export function registerBrandRoutes(app: FastifyInstance): void {
  app.get('/admin/brands', async (request, reply) => {
    const rows = await request.ctx.db
      .selectFrom('brands')
      .select((eb) => [
        'brands.id',
        'brands.name',
        'brands.model_field_nl',
        'brands.plate_vacuum_nl',
        'brands.plate_coffee_nl',
        eb
          .selectFrom('appliances')
          .select((a) => a.fn.countAll().as('n'))
          .whereRef('appliances.brand_id', '=', 'brands.id')
          .as('appliances'),
      ])
      .orderBy('brands.name')
      .execute();
    const brands = rows.map((r) => ({
      id: r.id,
      name: r.name,
      appliances: Number(r.appliances ?? 0),
      hasGuide: r.model_field_nl !== '' && (r.plate_vacuum_nl !== '' || r.plate_coffee_nl !== ''),
    }));
    return sendPage(reply, <BrandListPage ctx={pageCtx(request, app.config)} brands={brands} />);
  });

  app.get('/admin/brands/:id', async (request, reply) => {
    const brand = await brandOr404(request);
    const notice =
      (request.query as { done?: string }).done === 'saved' ? request.t('applianceAdmin.saved') : undefined;
    return sendPage(
      reply,
      <BrandFormPage
        ctx={pageCtx(request, app.config)}
        brand={brand}
        values={brandFormValues(brand)}
        errors={[]}
        notice={notice}
      />,
    );
  });

  app.post('/admin/brands/:id', async (request, reply) => {
    const brand = await brandOr404(request);
    const form = readBrandForm(request.body, brand.name);
    if (!form.ok) {
      const page = (
        <BrandFormPage
          ctx={pageCtx(request, app.config)}
          brand={brand}
          values={form.values}
          errors={form.errors}
        />
      );
      return sendPage(reply, page, 422);
    }
    await request.ctx.db
      .transaction()
      .execute((trx) => saveBrandGuides({ ...request.ctx, db: trx }, [form.input]));
    await app.lookup.refresh(request.ctx, 'all');
    return reply.redirect(`/admin/brands/${brand.id}?done=saved`, 303);
  });
}

async function brandOr404(request: FastifyRequest) {
  const brand = await request.ctx.db
    .selectFrom('brands')
    .selectAll()
    .where('id', '=', (request.params as { id: string }).id)
    .executeTakeFirst();
  if (!brand) throw new AppError('not-found');
  return brand;
}
