import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { formField } from '../../staff/pages/form-body.ts';
import { sendPage } from '../../web/render.ts';
import { applianceEditPage, applianceOr404 } from './appliance-routes.tsx';
import { addCompatibility, removeCompatibility } from './edit-compatibility.ts';
import { deleteVariant, saveVariant, type VariantValues } from './save-variant.ts';

type Params = { id: string; variantId?: string; fitId?: string };

/** An appliance's variants (add, change, delete) and compatibility (add by SKU, remove); each refreshes the lookup. */
export function registerAppliancePartRoutes(app: FastifyInstance): void {
  const variantValues = (body: unknown): VariantValues => ({
    label: formField(body, 'label'),
    serialFrom: formField(body, 'serialFrom'),
    serialTo: formField(body, 'serialTo'),
    notes: formField(body, 'notes'),
  });

  for (const path of ['/admin/appliances/:id/variants', '/admin/appliances/:id/variants/:variantId']) {
    app.post(path, async (request, reply) => {
      const { id, variantId } = request.params as Params;
      const appliance = await applianceOr404(request, id);
      const values = variantValues(request.body);
      const saved = await saveVariant(request.ctx, appliance.id, variantId ?? null, values);
      if (!saved.ok) {
        if ('reason' in saved) throw new AppError('not-found');
        const variantForm = { key: variantId ?? 'new', values, errors: saved.errors };
        return sendPage(reply, await applianceEditPage(request, appliance, { variantForm }), 422);
      }
      await app.lookup.refresh(request.ctx, [appliance.id]);
      return reply.redirect(`/admin/appliances/${appliance.id}?done=variant#variants-title`, 303);
    });
  }

  app.post('/admin/appliances/:id/variants/:variantId/delete', async (request, reply) => {
    const { id, variantId } = request.params as Params;
    if (!(await deleteVariant(request.ctx, id, variantId!))) throw new AppError('not-found');
    await app.lookup.refresh(request.ctx, [id]);
    return reply.redirect(`/admin/appliances/${id}?done=variant-deleted#variants-title`, 303);
  });

  app.post('/admin/appliances/:id/fits', async (request, reply) => {
    const appliance = await applianceOr404(request, (request.params as Params).id);
    const values = {
      sku: formField(request.body, 'sku'),
      note: formField(request.body, 'note'),
      variantId: formField(request.body, 'variantId'),
    };
    const added = await addCompatibility(request.ctx, appliance.id, values);
    if (!added.ok) {
      if ('reason' in added) throw new AppError('not-found');
      const fitForm = { values, errors: added.errors };
      return sendPage(reply, await applianceEditPage(request, appliance, { fitForm }), 422);
    }
    await app.lookup.refresh(request.ctx, [appliance.id]);
    return reply.redirect(`/admin/appliances/${appliance.id}?done=fit#fits-title`, 303);
  });

  app.post('/admin/appliances/:id/fits/:fitId/delete', async (request, reply) => {
    const { id, fitId } = request.params as Params;
    if (!(await removeCompatibility(request.ctx, id, fitId!))) throw new AppError('not-found');
    await app.lookup.refresh(request.ctx, [id]);
    return reply.redirect(`/admin/appliances/${id}?done=fit-removed#fits-title`, 303);
  });
}
