import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { staffOf } from '../../staff/guard.ts';
import { formFile } from '../../staff/pages/form-body.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { registerUploadRoutes } from '../../web/uploads.ts';
import { exportProducts } from '../export-products.ts';
import { ImportPage, ImportRunPage } from './import-pages.tsx';
import { importRun, recentImports, startImport } from './run-import.ts';

/** CSV import (upload → background run → progress page) and export of all products. */
export function registerImportRoutes(app: FastifyInstance): void {
  const { config } = app;

  app.get('/admin/import', async (request, reply) => {
    return sendPage(
      reply,
      <ImportPage ctx={pageCtx(request, config)} runs={await recentImports(request.ctx)} />,
    );
  });

  registerUploadRoutes(app, (uploads) => {
    uploads.post('/admin/import', async (request, reply) => {
      const staff = staffOf(request);
      const file = formFile(request.body, 'file');
      const bytes = file ? await file.toBuffer() : null;
      if (!file || !bytes || bytes.length === 0) {
        const page = (
          <ImportPage
            ctx={pageCtx(request, config)}
            runs={await recentImports(request.ctx)}
            error={request.t('imports.no-file')}
          />
        );
        return sendPage(reply, page, 422);
      }
      const id = await startImport(
        request.ctx,
        { filename: file.filename, file: bytes, staffId: staff.id },
        request.log,
      );
      return reply.redirect(`/admin/imports/${id}`, 303);
    });
  });

  app.get('/admin/imports/:id', async (request, reply) => {
    const run = await importRun(request.ctx, (request.params as { id: string }).id);
    if (!run) throw new AppError('not-found');
    return sendPage(reply, <ImportRunPage ctx={pageCtx(request, config)} run={run} />);
  });

  app.get('/admin/export/products.csv', async (request, reply) => {
    const csv = await exportProducts(request.ctx);
    const date = new Date(request.ctx.clock.now().epochMilliseconds).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="products-${date}.csv"`)
      .send(csv);
  });
}
