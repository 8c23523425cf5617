import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { staffOf } from '../../staff/guard.ts';
import { formFile } from '../../staff/pages/form-body.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { registerUploadRoutes } from '../../web/uploads.ts';
import { exportAppliances } from '../export-appliances.ts';
import { ApplianceImportPage, ApplianceImportRunPage } from './appliance-import-pages.tsx';
import { applianceImportRun, recentApplianceImports, startApplianceImport } from './run-appliance-import.ts';

/** Appliance CSV import (upload → background run → progress page) and export, in the import format. */
export function registerApplianceImportRoutes(app: FastifyInstance): void {
  const { config } = app;

  app.get('/admin/appliances/import', async (request, reply) => {
    const runs = await recentApplianceImports(request.ctx);
    return sendPage(reply, <ApplianceImportPage ctx={pageCtx(request, config)} runs={runs} />);
  });

  registerUploadRoutes(app, (uploads) => {
    uploads.post('/admin/appliances/import', async (request, reply) => {
      const staff = staffOf(request);
      const file = formFile(request.body, 'file');
      const bytes = file ? await file.toBuffer() : null;
      if (!file || !bytes || bytes.length === 0) {
        const page = (
          <ApplianceImportPage
            ctx={pageCtx(request, config)}
            runs={await recentApplianceImports(request.ctx)}
            error={request.t('imports.no-file')}
          />
        );
        return sendPage(reply, page, 422);
      }
      const ctx = request.ctx;
      const id = await startApplianceImport(
        ctx,
        { filename: file.filename, file: bytes, staffId: staff.id },
        (ids) => app.lookup.refresh(ctx, ids),
        request.log,
      );
      return reply.redirect(`/admin/appliances/imports/${id}`, 303);
    });
  });

  app.get('/admin/appliances/imports/:id', async (request, reply) => {
    const run = await applianceImportRun(request.ctx, (request.params as { id: string }).id);
    if (!run) throw new AppError('not-found');
    return sendPage(reply, <ApplianceImportRunPage ctx={pageCtx(request, config)} run={run} />);
  });

  app.get('/admin/export/appliances.csv', async (request, reply) => {
    const csv = await exportAppliances(request.ctx);
    const date = new Date(request.ctx.clock.now().epochMilliseconds).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="appliances-${date}.csv"`)
      .send(csv);
  });
}
