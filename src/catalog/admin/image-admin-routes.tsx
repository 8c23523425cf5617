import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { formField, formFile } from '../../staff/pages/form-body.ts';
import { sendPage } from '../../web/render.ts';
import { registerUploadRoutes } from '../../web/uploads.ts';
import {
  addProductImage,
  deleteProductImage,
  MAX_IMAGE_BYTES,
  moveProductImage,
  processImage,
  updateImageAlt,
} from '../images.ts';
import { editPage, productOr404 } from './product-routes.tsx';

const ALT_MAX = 300;

/** Photos on the product edit page: upload (multipart field `file`), alt texts, order, delete. */
export function registerImageAdminRoutes(app: FastifyInstance): void {
  registerUploadRoutes(app, (uploads) => {
    uploads.post('/admin/products/:id/images', async (request, reply) => {
      const product = await productOr404(request, (request.params as { id: string }).id);
      const file = formFile(request.body, 'file');
      const bytes = file ? await file.toBuffer() : null;
      const processed =
        !bytes || bytes.length === 0
          ? ({ ok: false, reason: 'no-file' } as const)
          : bytes.length > MAX_IMAGE_BYTES
            ? ({ ok: false, reason: 'too-large' } as const)
            : await processImage(bytes);
      if (!processed.ok) {
        const imageError = request.t(`images.${processed.reason}`);
        return sendPage(reply, await editPage(request, product, { imageError }), 422);
      }
      await addProductImage(request.ctx, product.id, processed.image, alt(request.body));
      return reply.redirect(`/admin/products/${product.id}?done=added`, 303);
    });
  });

  app.post('/admin/products/:id/images/:imageId/alt', async (request, reply) => {
    const { id, imageId } = request.params as { id: string; imageId: string };
    if (!(await updateImageAlt(request.ctx, id, imageId, alt(request.body)))) throw new AppError('not-found');
    return reply.redirect(`/admin/products/${id}?done=alt`, 303);
  });

  app.post('/admin/products/:id/images/:imageId/move', async (request, reply) => {
    const { id, imageId } = request.params as { id: string; imageId: string };
    const direction = formField(request.body, 'direction') === 'up' ? 'up' : 'down';
    if (!(await moveProductImage(request.ctx, id, imageId, direction))) throw new AppError('not-found');
    return reply.redirect(`/admin/products/${id}?done=moved`, 303);
  });

  app.post('/admin/products/:id/images/:imageId/delete', async (request, reply) => {
    const { id, imageId } = request.params as { id: string; imageId: string };
    if (!(await deleteProductImage(request.ctx, id, imageId))) throw new AppError('not-found');
    return reply.redirect(`/admin/products/${id}?done=deleted`, 303);
  });
}

function alt(body: unknown): { nl: string; en: string } {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, ALT_MAX);
  return { nl: clean(formField(body, 'altNl')), en: clean(formField(body, 'altEn')) };
}
